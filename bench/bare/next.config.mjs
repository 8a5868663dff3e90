// The bench copies this app out of the repository (Turbopack would otherwise take the
// magazine's root, and its proxy.ts, for this app's): '/' lets it reach the magazine's
// node_modules through a symlink.
const config = { poweredByHeader: false, turbopack: { root: '/' } };
export default config;
