// The manifest ships with the package, whose modules are dist/**/*.js (src/ is not in it): module
// paths name the shipped files, so tools that follow them (editors, documentation) find them.
const shipped = (value) => value.replace(/^\/?src\/(.*)\.[jt]s$/, 'dist/$1.js');

function shippedPaths() {
  const visit = (node) => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if ((key === 'path' || key === 'module') && typeof value === 'string') node[key] = shipped(value);
        else visit(value);
      }
    }
  };
  return { name: 'plein-shipped-paths', packageLinkPhase: ({ customElementsManifest }) => visit(customElementsManifest) };
}

export default {
  globs: ['src/components/**/*.component.ts', 'src/components/poll/option.ts', 'src/core/plein-element.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts'],
  outdir: '.',
  litelement: true,
  plugins: [shippedPaths()],
};
