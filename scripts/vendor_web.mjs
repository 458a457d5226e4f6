// Copy the dashboard's front-end files from node_modules (installed by `npm ci` from the npm
// registry) into the static directory the eventwire server serves. Run by `make setup`.
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const modules = join(root, "node_modules");
const vendor = join(root, "src", "eventwire", "web", "static", "vendor");

const files = [
  ["echarts/dist/echarts.min.js", "echarts.min.js"],
  ["echarts/LICENSE", "LICENSE.echarts"],
  ["htmx.org/dist/htmx.min.js", "htmx.min.js"],
  ["htmx.org/LICENSE", "LICENSE.htmx"],
  ["topojson-client/dist/topojson-client.min.js", "topojson-client.min.js"],
  ["topojson-client/LICENSE", "LICENSE.topojson-client"],
  ["world-atlas/countries-110m.json", "countries-110m.json"],
  ["world-atlas/LICENSE", "LICENSE.world-atlas"],
  ["swagger-ui-dist/swagger-ui-bundle.js", "swagger-ui-bundle.js"],
  ["swagger-ui-dist/swagger-ui.css", "swagger-ui.css"],
  ["swagger-ui-dist/LICENSE", "LICENSE.swagger-ui"],
];

mkdirSync(vendor, { recursive: true });
const versions = {};
for (const [from, to] of files) {
  const source = join(modules, from);
  if (!existsSync(source)) {
    console.error(`vendor_web: ${source} is missing; run \`npm ci\` first`);
    process.exit(2);
  }
  copyFileSync(source, join(vendor, to));
}
for (const name of ["echarts", "htmx.org", "topojson-client", "world-atlas", "swagger-ui-dist"]) {
  const pkg = JSON.parse(readFileSync(join(modules, name, "package.json"), "utf8"));
  versions[name] = pkg.version;
}
writeFileSync(join(vendor, "versions.json"), JSON.stringify(versions, null, 1) + "\n");
console.log(`vendor_web: ${files.length} files -> ${vendor} (${Object.entries(versions).map(([k, v]) => `${k} ${v}`).join(", ")})`);
