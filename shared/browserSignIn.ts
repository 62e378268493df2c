/**
 * What a browser tab without browser mode's session is told, by the server's plain page and by the
 * renderer when a call comes back 401 (the server restarted with a new token, say).
 */
export const NOT_SIGNED_IN =
  'This browser tab is not signed in to Claimdesk: open the address the server printed when it started (“Claimdesk browser mode: http://127.0.0.1:…/?token=…”).';
