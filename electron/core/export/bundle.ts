// The share bundle (.ftadapter): a zip (yazl) of manifest.json, manifest.sig.json (Ed25519 over the manifest's exact
// bytes, with the signer's public key), adapter.gguf and MODEL_CARD.md. With a passphrase the same zip is sealed
// (seal.ts) and carried as payload.bin beside encryption.json, so names, hashes and the card stay private too.
import { createHash } from 'node:crypto';
import yazl from 'yazl';
import { BundleManifest } from '../../contract/adapters.js';
import { FieldtuneError } from '../../contract/errors.js';
import { decrypt, encrypt, fingerprintOf, signBytes, verifyBytes, type Sealed } from './seal.js';
import { DEFAULT_ZIP_LIMITS, readZipEntries, type ZipLimits } from './zipSafe.js';

export const BUNDLE_ENTRIES = { manifest: 'manifest.json', signature: 'manifest.sig.json', adapter: 'adapter.gguf', card: 'MODEL_CARD.md' } as const;
const SEALED_ENTRIES = { header: 'encryption.json', payload: 'payload.bin' } as const;

export const sha256Hex = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex');

function zipOf(entries: Record<string, Buffer>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  // a fixed date keeps the same inputs byte-identical
  for (const [name, data] of Object.entries(entries)) zip.addBuffer(data, name, { mtime: new Date(2000, 0, 1), mode: 0o100644 });
  zip.end();
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}

export interface BundleParts {
  manifest: BundleManifest;
  adapter: Buffer;
  card: string;
  signer: { privatePem: string; publicDer: Buffer };
  passphrase?: string;
}

export async function buildBundle(parts: BundleParts): Promise<Buffer> {
  const manifestBytes = Buffer.from(JSON.stringify(BundleManifest.parse(parts.manifest), null, 2) + '\n');
  const signature = {
    algorithm: 'ed25519',
    publicKey: parts.signer.publicDer.toString('base64'),
    signature: signBytes(parts.signer.privatePem, manifestBytes).toString('base64'),
  };
  const inner = await zipOf({
    [BUNDLE_ENTRIES.manifest]: manifestBytes,
    [BUNDLE_ENTRIES.signature]: Buffer.from(JSON.stringify(signature, null, 2) + '\n'),
    [BUNDLE_ENTRIES.adapter]: parts.adapter,
    [BUNDLE_ENTRIES.card]: Buffer.from(parts.card),
  });
  if (parts.passphrase === undefined) return inner;
  const { header, payload } = encrypt(inner, parts.passphrase);
  return zipOf({ [SEALED_ENTRIES.header]: Buffer.from(JSON.stringify(header)), [SEALED_ENTRIES.payload]: payload });
}

export interface OpenedBundle {
  manifest: BundleManifest;
  adapter: Buffer;
  card: string;
  signerFingerprint: string;
  /** The signer's public key (base64 SPKI DER), so the workspace can remember it. */
  signerPublicKey: string;
  encrypted: boolean;
}

const bad = (message: string): never => {
  throw new FieldtuneError('INVALID_INPUT', message);
};

/**
 * Opens a bundle and checks everything it claims: the signature over the manifest, the manifest's shape, and the
 * adapter's and card's sha256 against it. Throws at the first failure; writes nothing anywhere.
 */
export async function openBundle(source: string | Buffer, passphrase?: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<OpenedBundle> {
  const allowed = new Set<string>([...Object.values(BUNDLE_ENTRIES), ...Object.values(SEALED_ENTRIES)]);
  let entries = await readZipEntries(source, allowed, limits);
  const sealedHeader = entries.get(SEALED_ENTRIES.header);
  const encrypted = sealedHeader !== undefined;
  if (sealedHeader) {
    if (passphrase === undefined) bad('This bundle is encrypted: a passphrase is needed to open it.');
    const payload = entries.get(SEALED_ENTRIES.payload) ?? bad('The encrypted bundle has no payload.');
    let header: Sealed;
    try {
      header = JSON.parse(sealedHeader.toString('utf8')) as Sealed;
    } catch {
      return bad('The encrypted bundle’s header is damaged.');
    }
    entries = await readZipEntries(decrypt(header, payload, passphrase!), new Set(Object.values(BUNDLE_ENTRIES)), limits);
  }
  const need = (name: string): Buffer => entries.get(name) ?? bad(`The bundle has no ${name}; it is not a complete Fieldtune bundle.`);
  const manifestBytes = need(BUNDLE_ENTRIES.manifest);
  let sig: { algorithm?: unknown; publicKey?: unknown; signature?: unknown };
  try {
    sig = JSON.parse(need(BUNDLE_ENTRIES.signature).toString('utf8')) as typeof sig;
  } catch {
    return bad('The bundle’s signature file is damaged.');
  }
  if (sig.algorithm !== 'ed25519' || typeof sig.publicKey !== 'string' || typeof sig.signature !== 'string')
    bad('The bundle’s signature is not an Ed25519 signature.');
  const publicDer = Buffer.from(sig.publicKey as string, 'base64');
  if (!verifyBytes(publicDer, manifestBytes, Buffer.from(sig.signature as string, 'base64'))) {
    bad('The bundle’s signature does not match its manifest: the manifest was changed after it was signed. Nothing was written.');
  }
  let manifest: BundleManifest;
  try {
    manifest = BundleManifest.parse(JSON.parse(manifestBytes.toString('utf8')));
  } catch (error) {
    return bad(`The bundle’s manifest is not a Fieldtune manifest: ${(error as Error).message.slice(0, 300)}`);
  }
  const adapter = need(BUNDLE_ENTRIES.adapter);
  const card = need(BUNDLE_ENTRIES.card);
  if (sha256Hex(adapter) !== manifest.adapter.sha256)
    bad('The adapter in the bundle does not match the sha256 its manifest gives: it was changed or damaged. Nothing was written.');
  if (sha256Hex(card) !== manifest.modelCard.sha256)
    bad('The model card in the bundle does not match the sha256 its manifest gives: it was changed or damaged. Nothing was written.');
  return {
    manifest,
    adapter,
    card: card.toString('utf8'),
    signerFingerprint: fingerprintOf(publicDer),
    signerPublicKey: publicDer.toString('base64'),
    encrypted,
  };
}
