/**
 * Internet Explorer 11 (the task pane of Excel 2016/2019 MSI) ignores a declaration that uses var():
 * before each one, the same property with the custom property's literal value. Modern engines read
 * the second declaration; IE reads the first and skips the second.
 */

/** `--name: value;` declarations, first definition wins. */
function customProperties(css) {
  const values = new Map();
  for (const m of css.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g))
    if (!values.has(m[1])) values.set(m[1], m[2].trim());
  return values;
}

function withCssFallbacks(css) {
  const values = customProperties(css);
  return css.replace(
    /^(\s*)([\w-]+)(\s*:\s*)([^;\n]*var\(--[^;\n]*);/gm,
    (line, indent, prop, colon, value) => {
      let unknown = false;
      const literal = value.replace(/var\((--[\w-]+)(?:\s*,\s*([^)]+))?\)/g, (_, name, fallback) => {
        if (values.has(name)) return values.get(name);
        if (fallback !== undefined) return fallback.trim();
        unknown = true;
        return '';
      });
      return unknown ? line : `${indent}${prop}${colon}${literal};\n${line}`;
    },
  );
}

module.exports = { withCssFallbacks };
