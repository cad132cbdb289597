/**
 * First module of the task pane: Excel 2016/2019 (MSI) run it in Internet Explorer 11, which lacks
 * Promise, Map, Set, Symbol, Array.from, Object.assign, the ES2015+ string and array methods and
 * String.prototype.normalize. core-js fills the ECMAScript library (only what the engine lacks);
 * normalize comes from a Latin table.
 */
import 'core-js/es';
// NodeList and the other DOM collections have no iterator in IE 11; for-of and spread over them need one.
import 'core-js/web/dom-collections';
import { installNormalize } from './legacy/normalize-latin';

installNormalize();
