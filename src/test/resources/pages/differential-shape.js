/*
 * How the differential driver (differential.js) writes down a value that crossed the bus, so that two runs (their
 * service and ours) can be compared: ids and times become typed placeholders ("<id:string>", "<time:number>"),
 * generated tokens, UUIDs, JWTs and the sandbox's origin are masked in text, and everything else stays: types, key
 * sets (a key holding undefined counts as absent, as JSON would send it), array lengths, texts. Functions, DOM
 * nodes, RegExps, Files, errors, jQuery objects and cycles get a readable mark; an HTTP answer (a jqXHR or ours)
 * keeps only its status and text; a JSON text is marked as text and shaped as what it holds.
 */
(function () {
  'use strict';
  // (n: the nonce in a v3 session's data)
  var ID_KEY = /^(id|n|.*[a-z]Id|.*ID|.*-id|.*_id|alias|secureKey|token|jwt|.*Token|operationId|.*Uri|.*URI|.*Url|index|.*Index|position|.*Position)$/;
  var TIME_KEY = /^(time|timestamp|.*Time|.*time|duration|.*At|.*Date|date|idleTimeCountDown|expires|.*Expire|.*Timestamp)$/;

  /** A generated id or nonce: one word of 10 or more letters and digits, with both (or a UUID). */
  var TOKEN = /^(?=[\w-]*\d)(?=[\w-]*[a-z])[\w-]{10,}$/i;

  function text(s) {
    if (TOKEN.test(s) && !/^[a-z]+(-[a-z]+)*-\d+$/i.test(s)) { return '<token>'; }
    return s.replace(/(https?|wss?):\/\/(127\.0\.0\.1|localhost)(:\d+)?/g, '<$1-origin>')
      .replace(/eyJ[\w-]+\.[\w-]+\.[\w-]*/g, '<jwt>')
      .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<uuid>')
      .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:?\d\d)?/g, '<iso-time>')
      .replace(/\b[0-9a-f]{16,}\b/gi, '<hex>')
      .replace(/\d{9,}/g, '<digits>');
  }

  function shape(v, key, depth, seen) {
    depth = depth || 0;
    seen = seen || [];
    var t = typeof v;
    if (v === undefined) { return '<undefined>'; }
    if (v === null || t === 'boolean') { return v; }
    if (t === 'number') {
      if (v !== v) { return '<NaN>'; }
      if (key && TIME_KEY.test(key)) { return '<time:number>'; }
      if (key && ID_KEY.test(key)) { return '<id:number>'; }
      return Math.abs(v) > 1e11 ? '<time:number>' : v;
    }
    if (t === 'string') {
      if (key && ID_KEY.test(key)) { return v === '' ? '' : '<id:string>'; }
      if (key && TIME_KEY.test(key) && v !== '') { return '<time:string>'; }
      if (/^\s*[[{]/.test(v)) {
        try { return { '<json-text>': shape(JSON.parse(v), key, depth + 1, seen) }; } catch (e) { /* not JSON */ }
      }
      return text(v);
    }
    if (t === 'function') { return '<function>'; }
    if (t === 'symbol' || t === 'bigint') { return '<' + t + '>'; }
    if (depth > 9) { return '<deep>'; }
    if (seen.indexOf(v) >= 0) { return '<cycle>'; }
    try {
      if (v === window) { return '<window>'; }
      if (v instanceof RegExp) { return '<RegExp ' + String(v) + '>'; }
      if (typeof Node !== 'undefined' && v instanceof Node) { return '<node ' + v.nodeName + '>'; }
      if (typeof File !== 'undefined' && v instanceof File) { return '<File ' + v.name + '>'; }
      if (typeof XMLHttpRequest !== 'undefined' && v instanceof XMLHttpRequest) {
        return { '<XMLHttpRequest>': shape({ status: v.status, responseText: v.responseText }, key, depth + 1, seen) };
      }
      // An HTTP answer (their jqXHR, our {status, responseText(, responseJSON)}): its status and text. The jqXHR's
      // methods, readyState and statusText are jQuery's object, not the answer; responseJSON is the text parsed,
      // which jQuery sets only for some requests and ours whenever the text is JSON
      if (typeof v.status === 'number' && typeof v.responseText === 'string' && !Array.isArray(v)) {
        return { status: v.status, responseText: shape(v.responseText, 'responseText', depth + 1, seen) };
      }
      if (v instanceof Error) { return { '<Error>': v.name + ': ' + text(String(v.message)) }; }
      if (v.jquery) { return '<jQuery ' + v.length + (v[0] && v[0].nodeName ? ' ' + v[0].nodeName : '') + '>'; }
    } catch (e) {
      return '<throws>';
    }
    seen = seen.concat([v]);
    if (Array.isArray(v)) {
      return v.map(function (x) { return shape(x, key, depth + 1, seen); });
    }
    var out = {};
    var keys;
    try { keys = Object.keys(v).sort(); } catch (e) { return '<throws>'; }
    keys = keys.filter(function (k) { try { return v[k] !== undefined; } catch (e) { return true; } });
    var idKeyed = [];
    keys.forEach(function (k) {
      var value;
      try { value = shape(v[k], k, depth + 1, seen); } catch (e) { value = '<throws>'; }
      if (TOKEN.test(k)) { idKeyed.push(value); } else { out[k] = value; }
    });
    // Entries keyed by a generated id (agents by member id): named in the order of their content, not their ids.
    idKeyed.sort(function (a, b) { return JSON.stringify(a) < JSON.stringify(b) ? -1 : 1; });
    idKeyed.forEach(function (value, i) { out['<id-key ' + i + '>'] = value; });
    return out;
  }

  function argsShape(args) {
    var list = Array.prototype.slice.call(args);
    while (list.length && list[list.length - 1] === undefined) { list.pop(); }
    return list.length === 1 ? shape(list[0]) : { '<arguments>': shape(list) };
  }

  window.differentialShape = { shape: shape, args: argsShape, text: text };
})();
