/**
 * The stream's access token (docs/protocol.md, access): it comes in the page
 * URL once; keep it in the tab's session for reconnects and for the pages it
 * links to, but out of the address bar and the history.
 */
export function takeToken(): string | null {
  const url = new URL(location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem('redqueen-token', fromUrl);
    url.searchParams.delete('token');
    history.replaceState(null, '', url.toString());
    return fromUrl;
  }
  return sessionStorage.getItem('redqueen-token');
}
