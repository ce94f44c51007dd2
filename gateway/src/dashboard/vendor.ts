import { packageFile } from '../package-file.js';

/**
 * Everything the dashboard page loads besides its own files, served from node_modules: nothing comes from a CDN.
 * The browser builds (UMD) set globals (`Chart`, `d3`, `topojson`), so the page needs no bundler or import map.
 */
export const VENDOR_FILES: Record<string, string> = {
  'utrecht-components.css': packageFile('@utrecht/component-library-css', 'dist/index.css'),
  'voorbeeld-theme.css': packageFile('@nl-design-system-unstable/voorbeeld-design-tokens', 'dist/theme.css'),
  'chart.umd.min.js': packageFile('chart.js', 'dist/chart.umd.min.js'),
  'd3-array.min.js': packageFile('d3-array', 'dist/d3-array.min.js', 'd3-geo'),
  'd3-geo.min.js': packageFile('d3-geo', 'dist/d3-geo.min.js'),
  'topojson-client.min.js': packageFile('topojson-client', 'dist/topojson-client.min.js'),
};
