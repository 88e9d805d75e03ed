// What a browser shows when it opens Fieldtune's address without its access key: a bookmark, a copied address
// without its '?token=' part, or an address from before Fieldtune was restarted (each start makes a new key).
// A plain page that says how to get a working address, instead of a bare '401' line. Static text only: no script,
// nothing from the request is echoed back.
export const NEEDS_TOKEN_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Fieldtune: open the full address</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; color: #1d2430; }
  code { background: #eef1f5; padding: 0.1rem 0.3rem; border-radius: 4px; }
</style>
</head>
<body>
<h1>Open Fieldtune with its full address</h1>
<p>This page is Fieldtune, running on this computer only. To keep other websites out, it opens only from the full
address Fieldtune printed when it started: the one that ends in <code>?token=</code> followed by a long key.</p>
<p>To get a fresh address:</p>
<ol>
  <li>Go to the window where Fieldtune is running (where you typed <code>npm start</code> or
  <code>fieldtune start --browser</code>) and copy the address it printed, starting with <code>http://127.0.0.1:</code>.</li>
  <li>If Fieldtune is no longer running, start it again the same way: every start prints a new address, and older
  addresses stop working.</li>
  <li>Paste the whole address into this browser. After that, reloading this tab works without the key.</li>
</ol>
</body>
</html>
`;
