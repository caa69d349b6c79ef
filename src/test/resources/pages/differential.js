/*
 * The differential driver (DifferentialIT): a page plugin on a Genesys Widgets bus that sends one scripted sequence
 * of WebChatService commands, phase by phase, and records how each settles, every WebChatService event with its
 * data, the service's data keys and anything uncaught, as normalised shapes (differential-shape.js: ids and times
 * become typed placeholders, types and key sets stay). The test plays the agent's side between phases and compares two
 * recordings: Genesys's service and ours. Nothing here knows which of the two it is driving.
 */
(function () {
  'use strict';
  /** Every event either service is known to publish; anything else it publishes is subscribed when first seen. */
  var EVENTS = ['ready', 'started', 'ended', 'messageReceived', 'restored', 'restoreFailed', 'restoreTimeout',
    'restoredOffline', 'error', 'agentConnected', 'agentDisconnected', 'clientConnected', 'clientDisconnected',
    'supervisorConnected', 'supervisorDisconnected', 'botConnected', 'botDisconnected', 'agentTypingStarted',
    'agentTypingStopped', 'agentTypingTimeout', 'clientTypingStarted', 'clientTypingStopped', 'pollingStarted',
    'pollingStopped', 'ajaxResponse', 'disconnected', 'reconnected', 'chatServerWentOffline', 'chatServerBackOnline',
    'chatServerTimeout', 'connectionPending', 'connectionRestored', 'capabilitiesChanged', 'sessionLost', 'sleeping',
    'waking'];
  var DATA_KEYS = ['sessionActive', 'sleeping', 'agentTyping', 'capabilities', 'userData'];
  /** Events that come with every poll: waiting for a phase's events to stop does not wait for these. */
  var PERIODIC = { ajaxResponse: true };
  var STEP_MS = 1500;

  var log = [];
  var phase = 'load';
  var stage = 'before the chat';
  var counts = {};
  var texts = [];
  var subscribed = {};
  var plugin = null;
  var lastEventAt = 0;
  var state = { fileId: 'no-file-seen' };

  function record(kind, name, value) {
    log.push({ phase: phase, stage: stage, kind: kind, name: name, value: value });
  }

  var shape = window.differentialShape.shape;
  var argsShape = window.differentialShape.args;
  var text = window.differentialShape.text;

  function subscribe(name) {
    if (subscribed[name] || !plugin) { return; }
    subscribed[name] = true;
    plugin.subscribe('WebChatService.' + name, function (e) {
      counts[name] = (counts[name] || 0) + 1;
      if (!PERIODIC[name] && name.indexOf('data.') !== 0) { lastEventAt = Date.now(); }
      var data = e && e.data;
      if (name === 'messageReceived' && data && Array.isArray(data.messages)) {
        onMessages(data);
        return;
      }
      if (name === 'ajaxResponse') {
        onAnswer(data);
        return;
      }
      record('event', name, shape(data));
    });
  }

  /**
   * One entry per message, so that a poll that brings two messages at once compares equal to two polls. The event's
   * sessionData is the session's state at that instant (a cursor appears with the first message shown, and it is
   * emptied at the end), so it is compared by type only; getSessionData compares its content at each phase.
   */
  function onMessages(data) {
    var rest = {};
    Object.keys(data).forEach(function (k) {
      if (k !== 'messages' && k !== 'originalMessages') { rest[k] = data[k]; }
    });
    rest = shape(rest);
    if (rest.sessionData && typeof rest.sessionData === 'object') { rest.sessionData = '<object>'; }
    data.messages.forEach(function (m) {
      if (m && typeof m.text === 'string') { texts.push(m.text); }
      var details = m && (m.fileDetails || m.userData);
      if (m && m.type === 'FileUploaded' && details && details['file-id']) { state.fileId = details['file-id']; }
      record('event', 'messageReceived', { event: rest, message: shape(m) });
    });
    (Array.isArray(data.originalMessages) ? data.originalMessages : []).forEach(function (m) {
      record('event', 'messageReceived.originalMessages', shape(m));
    });
    if (!Array.isArray(data.originalMessages)) {
      record('event', 'messageReceived.originalMessages', shape(data.originalMessages));
    }
  }

  /**
   * One entry for the answer's form (the server's text, or parsed) and fields, one per message it carries: which
   * poll brought which message depends on timing.
   */
  function onAnswer(data) {
    var answer = data;
    if (typeof data === 'string') {
      try { answer = JSON.parse(data); } catch (e) { /* not JSON: kept as text */ }
    }
    var rest = answer;
    if (answer && typeof answer === 'object' && Array.isArray(answer.messages)) {
      rest = {};
      Object.keys(answer).forEach(function (k) {
        if (k !== 'messages') { rest[k] = answer[k]; }
      });
      answer.messages.forEach(function (m) { record('event', 'ajaxResponse.messages', shape(m)); });
    }
    record('event', 'ajaxResponse', { form: typeof data, answer: shape(rest) });
  }

  /** Watches what the service publishes, to subscribe to an event no list above names (once seen, it is recorded). */
  function watchRegistrations(bus) {
    var register = bus.registerPlugin;
    bus.registerPlugin = function (name) {
      var api = register.apply(bus, arguments);
      if (name === 'WebChatService' && api) {
        ['publish', 'publishDirect', 'republish'].forEach(function (method) {
          var original = api[method];
          api[method] = function (event) {
            if (typeof event === 'string' && !subscribed[event]) {
              record('unlisted', event, null);
              subscribe(event);
            }
            return original.apply(this, arguments);
          };
        });
      }
      return api;
    };
  }

  window.addEventListener('error', function (e) {
    record('uncaught', 'error', text(String(e.message)).replace(/^Uncaught /, ''));
  });
  window.addEventListener('unhandledrejection', function (e) {
    record('uncaught', 'unhandledrejection', shape(e.reason));
  });

  function sleep(ms) {
    return new Promise(function (ok) { setTimeout(ok, ms); });
  }

  /** Sends one command; records how it settled within its wait, or that it was still pending (and a late answer). */
  function send(step) {
    return new Promise(function (done) {
      var answered = false;
      var timedOut = false;
      var timer = setTimeout(function () {
        timedOut = true;
        record('command', step.label, { state: 'pending' });
        done();
      }, step.wait || STEP_MS);
      function settle(how) {
        return function () {
          if (answered) { return; }
          answered = true;
          var outcome = { state: how, value: argsShape(arguments) };
          if (timedOut) {
            record('late', step.label, outcome);
            return;
          }
          clearTimeout(timer);
          record('command', step.label, outcome);
          done();
        };
      }
      try {
        var data = typeof step.data === 'function' ? step.data() : step.data;
        var p = plugin.command('WebChatService.' + step.command, data);
        p.done(settle('resolved'));
        p.fail(settle('rejected'));
      } catch (e) {
        if (!answered && !timedOut) {
          answered = true;
          clearTimeout(timer);
          record('command', step.label, { state: 'threw', value: shape(e) });
          done();
        }
      }
    });
  }

  /** Waits until no event but the periodic ones came for quietMs, at most maxMs. */
  function quiet(quietMs, maxMs) {
    var until = Date.now() + maxMs;
    return new Promise(function (ok) {
      (function check() {
        if (Date.now() - lastEventAt >= quietMs || Date.now() >= until) { ok(); } else { setTimeout(check, 50); }
      })();
    });
  }

  function snapshotData() {
    var out = {};
    DATA_KEYS.forEach(function (k) {
      try { out[k] = shape(plugin.data('WebChatService.' + k), k); } catch (e) { out[k] = '<throws>'; }
    });
    record('data', 'WebChatService.data', out);
  }

  async function play(name, steps) {
    window.diff.busy = true;
    phase = name;
    try {
      for (var i = 0; i < steps.length; i++) {
        var s = steps[i];
        if (s.pause) {
          await sleep(s.pause);
        } else if (s.act) {
          s.act();
        } else {
          await send(s);
        }
      }
      await quiet(700, 4000);
      snapshotData();
    } finally {
      window.diff.busy = false;
    }
  }

  function boot(prefix) {
    var bus = window.CXBus;
    bus.configure({ debug: false, pluginsPath: prefix + 'plugins/' });
    watchRegistrations(bus);
    plugin = bus.registerPlugin('DifferentialDriver');
    EVENTS.forEach(subscribe);
    DATA_KEYS.forEach(function (k) { subscribe('data.' + k); });
    plugin.subscribe('WebChatService.ready', function () {
      var reg = plugin.registry().WebChatService || {};
      record('registry', 'WebChatService', {
        commands: (reg.commands || []).slice().sort(), events: (reg.events || []).slice().sort()
      });
      window.diff.ready = true;
    });
    plugin.ready();
    // Once App is ready, the service is loaded the way a page's first command to it loads it (LOAD is the bus's own).
    plugin.subscribe('App.ready', function () {
      if (!window.diff.loading) {
        window.diff.loading = true;
        plugin.command('WebChatService.LOAD');
      }
    });
    bus.loadPlugin('widgets-core');
  }

  window.diff = {
    boot: boot,
    ready: false,
    busy: false,
    log: log,
    texts: texts,
    state: state,
    /** The number of times this event was published since the page loaded. */
    count: function (name) { return counts[name] || 0; },
    /** Starts a phase of the script (window.differentialScript); poll diff.busy for its end. */
    start: function (name) {
      var steps = window.differentialScript[name];
      if (!steps) { throw new Error('no phase ' + name); }
      play(name, steps);
    },
    /** Names the phase that the agent's next actions belong to. */
    mark: function (name) { phase = name; },
    /** Names the stage of the chat that the next phases belong to (events compare per stage). */
    stage: function (name) { stage = name; },
    /** Waits, in the current phase, until the events stop (poll diff.busy for its end). */
    settle: function () { play(phase, []); },
    /** Records a note of the test's own (e.g. an event it waited for in vain). */
    note: function (what) { record('note', what, null); }
  };
})();
