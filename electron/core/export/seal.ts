// Signing and encryption of share bundles, with node:crypto only. Signatures: Ed25519 over the manifest's exact bytes;
// a key is known by its fingerprint, the sha256 of its public key (SPKI DER). Encryption: a key derived from the
// passphrase with scrypt (N=2^15, r=8, p=1, a random 16-byte salt), then AES-256-GCM with a random 12-byte IV; the GCM
// tag makes a wrong passphrase and a damaged payload fail the same loud way, never decrypt to garbage.
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  scryptSync,
  sign,
  verify,
} from 'node:crypto';
import { FieldtuneError } from '../../contract/errors.js';

export interface KeyPairPem {
  privatePem: string;
  publicDer: Buffer;
}

export function generateSigningKey(): KeyPairPem {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), publicDer: publicKey.export({ type: 'spki', format: 'der' }) };
}

export function publicDerOf(privatePem: string): Buffer {
  return createPublicKey(createPrivateKey(privatePem)).export({ type: 'spki', format: 'der' });
}

export const fingerprintOf = (publicDer: Buffer): string => createHash('sha256').update(publicDer).digest('hex');

/** The fingerprint as people compare it: 16 groups of 4 hex digits. */
export const showFingerprint = (fp: string): string => fp.match(/.{1,4}/g)!.join(' ');

export function signBytes(privatePem: string, bytes: Buffer): Buffer {
  return sign(null, bytes, createPrivateKey(privatePem));
}

export function verifyBytes(publicDer: Buffer, bytes: Buffer, signature: Buffer): boolean {
  try {
    return verify(null, bytes, createPublicKey({ key: publicDer, format: 'der', type: 'spki' }), signature);
  } catch {
    return false;
  }
}

export interface Sealed {
  kdf: 'scrypt';
  n: number;
  r: number;
  p: number;
  salt: string;
  cipher: 'aes-256-gcm';
  iv: string;
  tag: string;
}

const SCRYPT = { N: 2 ** 15, r: 8, p: 1 };

function derive(passphrase: string, salt: Buffer, n: number, r: number, p: number): Buffer {
  return scryptSync(passphrase.normalize('NFC'), salt, 32, { N: n, r, p, maxmem: 128 * n * r * 2 });
}

export function encrypt(plain: Buffer, passphrase: string): { header: Sealed; payload: Buffer } {
  if (passphrase.length === 0) throw new FieldtuneError('INVALID_INPUT', 'The passphrase is empty.');
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', derive(passphrase, salt, SCRYPT.N, SCRYPT.r, SCRYPT.p), iv);
  const payload = Buffer.concat([cipher.update(plain), cipher.final()]);
  return {
    header: {
      kdf: 'scrypt',
      n: SCRYPT.N,
      r: SCRYPT.r,
      p: SCRYPT.p,
      salt: salt.toString('base64'),
      cipher: 'aes-256-gcm',
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
    },
    payload,
  };
}

export function decrypt(header: Sealed, payload: Buffer, passphrase: string): Buffer {
  if (header.kdf !== 'scrypt' || header.cipher !== 'aes-256-gcm' || header.n > 2 ** 20 || header.r > 32 || header.p > 16) {
    throw new FieldtuneError('INVALID_INPUT', 'The bundle is encrypted in a way this Fieldtune does not know.');
  }
  try {
    const decipher = createDecipheriv(
      'aes-256-gcm',
      derive(passphrase, Buffer.from(header.salt, 'base64'), header.n, header.r, header.p),
      Buffer.from(header.iv, 'base64'),
    );
    decipher.setAuthTag(Buffer.from(header.tag, 'base64'));
    return Buffer.concat([decipher.update(payload), decipher.final()]);
  } catch {
    throw new FieldtuneError('INVALID_INPUT', 'The passphrase is wrong (or the bundle was damaged): it could not be decrypted. Nothing was written.');
  }
}
