// Builds the vendored files into OUT (the one argument), from a folder where `npm ci` has installed the
// lockfile: run by ./build, never by hand. Everything written depends only on the lockfile's packages and
// src/, so two builds on any machine give the same bytes (./build --check proves it in CI):
// - codemirror.js, markdown.js: esbuild ES module bundles, minified, no source map, no paths, no dates;
//   license comments collected at the end of each file;
// - axe.min.js: axe-core's own prebuilt file, copied as it is;
// - THIRD_PARTY_LICENSES.txt: the license files of every package that went into a built file, found from
//   esbuild's list of inputs (not guessed from package.json), sorted by name.
import { build } from "esbuild";
import { copyFileSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const out = process.argv[2];
if (!out) throw new Error("usage: node bundle.mjs OUT");

const BUNDLES = { "codemirror.js": "src/codemirror.js", "markdown.js": "src/markdown.js" };
const used = new Set(["axe-core"]);

for (const [name, entry] of Object.entries(BUNDLES)) {
  const result = await build({
    entryPoints: [entry],
    outfile: join(out, name),
    bundle: true,
    format: "esm",
    platform: "browser",
    target: ["es2020", "chrome100"],
    minify: true,
    charset: "utf8",
    legalComments: "eof",
    sourcemap: false,
    metafile: true,
    logLevel: "warning",
    // the library code's own switches: production behaviour, no development warnings
    define: { "process.env.NODE_ENV": '"production"' },
  });
  for (const input of Object.keys(result.metafile.inputs)) {
    const m = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (m) used.add(m[1]);
  }
}

copyFileSync("node_modules/axe-core/axe.min.js", join(out, "axe.min.js"));

const sections = [...used].sort().map((pkg) => {
  const dir = join("node_modules", pkg);
  const meta = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  const files = readdirSync(dir).filter((f) => /^licen[cs]e/i.test(f)).sort();
  if (!files.length) throw new Error(`${pkg} ships no license file: name its license by hand before bundling it`);
  const texts = files.map((f) => `--- ${f}\n\n${readFileSync(join(dir, f), "utf8").trim()}\n`);
  return `${"=".repeat(78)}\n${meta.name}@${meta.version} (${meta.license || "see below"})\n${"=".repeat(78)}\n\n${texts.join("\n")}`;
});
writeFileSync(
  join(out, "THIRD_PARTY_LICENSES.txt"),
  "Third-party software in shell/ui/vendor/ (built by shell/ui/vendor/build from package-lock.json).\n" +
    "Each package's own license files follow, as its authors ship them.\n\n" +
    sections.join("\n"),
);
