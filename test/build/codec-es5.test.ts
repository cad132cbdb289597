import { parse } from 'acorn';
import { readFileSync } from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import * as vm from 'vm';

/**
 * The text codec as the pane ships it to Internet Explorer 11: down-levelled to ES5 by TypeScript
 * (tsconfig.office.json's target) and run in a fresh realm without TextDecoder, TextEncoder and the
 * ES2015+ library IE 11 lacks (typed arrays there have subarray and set, not slice, fill or from).
 */

const ROOT = path.resolve(__dirname, '../..');

/** core/text/<name>.ts compiled as the pane's build compiles it. */
function es5(name: string): string {
  const source = readFileSync(path.join(ROOT, 'core/text', `${name}.ts`), 'utf8');
  return ts.transpileModule(source, {
    compilerOptions: { target: ts.ScriptTarget.ES5, module: ts.ModuleKind.CommonJS, downlevelIteration: true },
  }).outputText;
}

type Codec = typeof import('../../core/text/codec');

/** A realm with IE 11's library, the codec loaded in it through a minimal require. */
function ie11Codec(): { codec: Codec; realm: vm.Context } {
  const realm = vm.createContext({});
  vm.runInContext(
    `(function () {
      ['Map', 'Set', 'WeakMap', 'Symbol', 'Reflect', 'Proxy', 'Promise', 'TextDecoder', 'TextEncoder']
        .forEach(function (n) { delete this[n]; }, this);
      delete Array.from; delete String.fromCodePoint; delete Object.assign;
      var typed = Object.getPrototypeOf(Uint8Array.prototype);
      ['slice', 'fill', 'map', 'forEach', 'every', 'some', 'indexOf', 'includes', 'join', 'reduce', 'at']
        .forEach(function (n) { delete typed[n]; });
      delete Object.getPrototypeOf(Uint8Array).from;
      ['includes', 'startsWith', 'endsWith', 'repeat', 'codePointAt', 'padStart'].forEach(function (n) {
        delete String.prototype[n];
      });
      ['find', 'findIndex', 'includes', 'fill', 'flat', 'flatMap'].forEach(function (n) { delete Array.prototype[n]; });
    }).call(this);`,
    realm,
  );
  const modules: Record<string, string> = { './by-hand': es5('by-hand'), './codec': es5('codec') };
  const cache: Record<string, unknown> = {};
  const load = (id: string): unknown => {
    if (!(id in cache)) {
      const module = { exports: {} };
      cache[id] = module.exports;
      vm.runInContext(`(function (exports, require, module) {${modules[id]}\n})`, realm)(module.exports, load, module);
      cache[id] = module.exports;
    }
    return cache[id];
  };
  return { codec: load('./codec') as Codec, realm };
}

describe('the text codec in an IE 11 realm (ES5, no TextDecoder/TextEncoder)', () => {
  const { codec, realm } = ie11Codec();
  /** Bytes made in the realm, as the pane's own Uint8Arrays would be. */
  const bytesIn = (b: Uint8Array): Uint8Array => vm.runInContext('(function (a) { return new Uint8Array(a); })', realm)(Array.from(b));

  it('is ECMAScript 5 once down-levelled', () => {
    for (const name of ['by-hand', 'codec']) expect(() => parse(es5(name), { ecmaVersion: 5 })).not.toThrow();
  });

  it('really runs without the native codec', () => {
    expect(vm.runInContext('typeof TextDecoder + typeof TextEncoder + typeof Map', realm)).toBe('undefinedundefinedundefined');
  });

  it('decodes and encodes as the native codec does, big parts and invalid bytes included', () => {
    const text = 'Léa « Noël » — 😀 €\u{10ffff}\ud800x'.repeat(5000);
    const native = new TextEncoder().encode(text);
    expect(Array.from(codec.encodeUtf8(text))).toEqual(Array.from(native));
    expect(codec.decodeUtf8(bytesIn(native))).toBe(new TextDecoder().decode(native));
    const bad = new Uint8Array([0xef, 0xbb, 0xbf, 0x41, 0xe2, 0x82, 0x41, 0xf0, 0x9f, 0x98]);
    expect(codec.decodeUtf8(bytesIn(bad))).toBe(new TextDecoder().decode(bad));
    expect(() => codec.decodeUtf8(bytesIn(bad), { fatal: true })).toThrow('not valid');
    const utf16 = new Uint8Array([0xff, 0xfe, 0x3d, 0xd8, 0x00, 0xde, 0xe9, 0x00]);
    expect(codec.decodeUtf16(bytesIn(utf16), true)).toBe(new TextDecoder('utf-16le').decode(utf16));
    expect(codec.decodeLatin1(bytesIn(new Uint8Array([0x50, 0x4b, 0x80, 0xe9])))).toBe('PK\u0080é');
  });
});
