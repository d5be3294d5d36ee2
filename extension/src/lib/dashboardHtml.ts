// The dashboard's HTML shell: a strict Content-Security-Policy (scripts only with the nonce, styles and images only
// from the extension, nothing remote), the bundled stylesheet and script. The content is drawn by the script.
export interface DashboardHtmlInput {
  cspSource: string; nonce: string; scriptUri: string; styleUri: string;
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource} data:`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `font-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
    "connect-src 'none'",
    "frame-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
}

export function dashboardHtml(i: DashboardHtmlInput): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(i.cspSource, i.nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${i.styleUri}" nonce="${i.nonce}">
<title>FinOps Dashboard</title>
</head>
<body>
<main id="app" aria-busy="true"><p class="loading" role="status">Loading the workspace summary…</p></main>
<script nonce="${i.nonce}" src="${i.scriptUri}"></script>
</body>
</html>`;
}

export function makeNonce(random: (n: number) => Uint8Array): string {
  return Buffer.from(random(18)).toString('base64').replace(/[+/=]/g, (c) => ({ '+': 'A', '/': 'B', '=': '' }[c]!));
}
