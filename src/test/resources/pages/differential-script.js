/*
 * The scripted sequence DifferentialIT plays on both services, phase by phase (the test plays the agent between
 * phases): every WebChatService command before a chat, during it, after a reload, after its end, and with wrong
 * option types. A step is {command, label, data (a value, or a function called when it is sent), wait (ms before it
 * counts as pending)}, {act: function} (page code, e.g. typing in a box) or {pause: ms}. Labels name the steps in
 * the report and the allow-list: change one and its entries there change with it.
 */
(function () {
  'use strict';
  var NETWORK_MS = 4000;

  function c(command, desc, data, wait) {
    return { command: command, label: command + (desc ? ' ' + desc : ''), data: data === undefined ? {} : data,
      wait: wait };
  }

  function net(command, desc, data) {
    return c(command, desc, data, NETWORK_MS);
  }

  /** The file input, holding one small text file (what their upload button hands over). */
  function fileInput() {
    var input = document.getElementById('file-input');
    var files = new DataTransfer();
    files.items.add(new File(['receipt 42'], 'receipt-42.txt', { type: 'text/plain' }));
    input.files = files.files;
    return { files: input };
  }

  function previewBox() {
    return { input: document.getElementById('typing-preview') };
  }

  function identity(message) {
    return message;
  }

  /** What the WebChat UI sends when its form is submitted. */
  var FORM = { firstname: 'Ada', lastname: 'Lovelace', email: 'ada@example.test', subject: 'Differential' };
  function startData() {
    return { firstname: FORM.firstname, lastname: FORM.lastname, email: FORM.email, subject: FORM.subject,
      userData: { orderId: 'A-1' }, async: false, form: Object.assign({}, FORM), interactionData: {} };
  }

  /** Wrong option types, sent in every phase (a restore only without a chat: during one, it may end it). */
  function odd(withRestore) {
    return [
      net('sendMessage', '{message: 5}', { message: 5 }),
      net('sendMessage', '{message: {}}', { message: {} }),
      net('sendMessage', '{}', {}),
      net('sendCustomNotice', '{message: 5}', { message: 5 }),
      net('sendTyping', '{message: 5}', { message: 5 }),
      net('sendFilteredMessage', "{message: 'zq', regex: 'zq-never'}", { message: 'zq', regex: 'zq-never' }),
      net('sendFilteredMessage', '{message: 5, regex: /zq-never/}', function () {
        return { message: 5, regex: /zq-never/ };
      }),
      c('addPrefilter', "{filters: 'zq-never'}", { filters: 'zq-never' }),
      c('addPrefilter', '{filters: [5]}', { filters: [5] }),
      c('addPrefilter', '{}', {}),
      net('updateUserData', '[]', function () { return []; }),
      net('updateInteractionData', '[]', function () { return []; }),
      c('registerTypingPreviewInput', "{input: 'x'}", { input: 'x' }),
      c('registerTypingPreviewInput', '{input: <body>}', function () { return { input: document.body }; }),
      c('registerTypingPreviewInput', '{}', {}),
      c('registerPreProcessor', '{preprocessor: 5}', { preprocessor: 5 }),
      c('registerPreProcessor', '{}', {}),
      net('sendFile', "{files: 'x'}", { files: 'x' }),
      net('sendFile', '{}', {}),
      net('downloadFile', '{fileId: 5}', { fileId: 5 }),
      net('downloadFile', '{}', {})
    ].concat(withRestore ? [net('restore', '{sessionData: 5}', { sessionData: 5 })] : []);
  }

  /** Every command that reads or changes nothing of the chat's course. */
  function queries() {
    return [
      c('verifySession'), c('getSessionData'), c('getTranscript'), c('getAgents'), c('getStats'),
      net('getFileLimits'), net('fetchHistory')
    ];
  }

  window.differentialScript = {
    before: [].concat(
      [c('noSuchCommand')],
      queries(),
      [
        net('restore'), net('asyncRestore'),
        net('sendMessage', "{message: 'before'}", { message: 'before' }),
        net('sendCustomNotice', "{message: 'before'}", { message: 'before' }),
        net('sendTyping', '{isTyping: true}', { isTyping: true }),
        net('sendFilteredMessage', "{message: 'hidden-0', regex: /hidden-\\d/}", function () {
          return { message: 'hidden-0', regex: /hidden-\d/ };
        }),
        net('sendFile', '{files: <input with a file>}', fileInput),
        net('downloadFile', "{fileId: 'f-1'}", { fileId: 'f-1' }),
        c('poll'), c('startPoll'), c('stopPoll'), c('pausePoll'), c('resetPollExceptions'),
        c('sleep'), c('wake'), net('endChat'),
        net('updateUserData', "{pageKey: 'before'}", { pageKey: 'before' }),
        net('updateInteractionData', "{pageKey: 'before'}", { pageKey: 'before' }),
        c('registerTypingPreviewInput', '{input: <textarea>}', previewBox),
        c('registerPreProcessor', '{preprocessor: identity}', function () { return { preprocessor: identity }; }),
        c('addPrefilter', '{filters: /secret-\\d+/}', function () { return { filters: /secret-\d+/ }; }),
        c('configure', '{}', {})
      ],
      odd(true)),

    start: [c('startChat', '{the WebChat form}', startData, 15000)],

    during: [].concat(
      queries(),
      [
        net('startChat', '{the WebChat form} (while active)', startData),
        net('asyncRestore', '(while active)'),
        net('sendMessage', "{message: 'Hello agent'}", { message: 'Hello agent' }),
        net('sendTyping', '{isTyping: true}', { isTyping: true }),
        { pause: 2600 },
        net('sendCustomNotice', "{message: 'a notice'}", { message: 'a notice' }),
        net('sendFilteredMessage', "{message: 'hidden-1', regex: /hidden-\\d/}", function () {
          return { message: 'hidden-1', regex: /hidden-\d/ };
        }),
        c('addPrefilter', '{filters: /secret-\\d+/} (again)', function () { return { filters: /secret-\d+/ }; }),
        c('registerPreProcessor', '{preprocessor: identity}', function () { return { preprocessor: identity }; }),
        c('registerTypingPreviewInput', '{input: <textarea>}', previewBox),
        { act: function () {
          var box = document.getElementById('typing-preview');
          box.value = 'typed in the box';
          box.dispatchEvent(new Event('input', { bubbles: true }));
          box.dispatchEvent(new KeyboardEvent('keydown', { key: 'd', bubbles: true }));
          box.dispatchEvent(new KeyboardEvent('keyup', { key: 'd', bubbles: true }));
        } },
        { pause: 2600 },
        net('updateUserData', "{pageKey: 'during'}", { pageKey: 'during' }),
        net('updateInteractionData', "{pageKey: 'during'}", { pageKey: 'during' }),
        net('sendFile', '{files: <input with a file>}', fileInput),
        net('downloadFile', "{fileId: <the agent's file>}", function () {
          return { fileId: window.diff.state.fileId, fileName: 'agent-file.txt' };
        }),
        c('poll'), c('pausePoll'), c('stopPoll'), c('startPoll'), c('startPoll', '(while polling)'),
        c('resetPollExceptions'), c('sleep'), c('wake'),
        c('noSuchCommand'), c('configure', '{}', {})
      ],
      odd(false)),

    // Last before the end: with their service over CometD, a restore during a chat ends it.
    restored: [].concat(queries(), [net('asyncRestore', '(while active)'), net('restore', '(while active)'),
      net('restore', '{sessionData: 5} (while active)', { sessionData: 5 })]),

    // Genesys Cloud's original ends the chat a second after its own leave comes back: wait for what follows.
    end: [net('endChat', '', {}), { pause: 1500 }],

    after: [].concat(
      queries(),
      [
        net('restore'), net('asyncRestore'),
        net('sendMessage', "{message: 'after'}", { message: 'after' }),
        net('sendCustomNotice', "{message: 'after'}", { message: 'after' }),
        net('sendTyping', '{isTyping: true}', { isTyping: true }),
        net('sendFile', '{files: <input with a file>}', fileInput),
        net('downloadFile', "{fileId: <the agent's file>}", function () {
          return { fileId: window.diff.state.fileId, fileName: 'agent-file.txt' };
        }),
        c('poll'), c('startPoll'), c('stopPoll'), c('resetPollExceptions'), c('sleep'), c('wake'),
        net('endChat'),
        net('updateUserData', "{pageKey: 'after'}", { pageKey: 'after' }),
        net('updateInteractionData', "{pageKey: 'after'}", { pageKey: 'after' })
      ],
      odd(true)),

    second: [c('startChat', '{the WebChat form} (second chat)', startData, 15000)],

    afterAgentEnd: [].concat(queries(), [
      net('sendMessage', "{message: 'too late'}", { message: 'too late' }),
      net('restore'), net('endChat')
    ]),

    // Last, as a start of the wrong type may start a chat (the original's does on some back ends): ended at once.
    oddStarts: [
      net('startChat', "{form: 'x'}", { form: 'x' }),
      net('startChat', '{form: 5, userData: 5}', { form: 5, userData: 5 }),
      net('startChat', "{userData: 'x'}", { userData: 'x' }),
      net('endChat', '(whatever the odd starts left)'),
      { pause: 2000 }
    ]
  };
})();
