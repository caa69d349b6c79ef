// Typed examples compiled with tsc --strict against plugins/webchatservice.d.ts (org.wcs.packaging
// TypeScriptStrictTest): the demo widget's calls (web/demo/widget.js) written in TypeScript, the README's examples,
// and wrong shapes that must not compile (each under @ts-expect-error, which fails when no error is there).

// ------------------------------------------------------------------ the demo widget's calls
const bus = window._genesys!.widgets!.bus!.registerPlugin('DemoWidget');
if (bus) {
  const command = <K extends keyof WebChatService.Commands>(name: K,
      ...options: WebChatService.Commands[K]['options']) =>
    bus.command(`WebChatService.${name}`, ...options).fail((reason) => console.log(String(reason)));
  command('downloadFile', { fileId: 'f1', fileName: '' });
  command('startChat', { firstname: 'Ada', lastname: 'Lovelace', email: 'ada@example.com', subject: 'Hi' })
    .always(() => undefined);
  command('sendMessage', { message: 'Hello', type: 'text' }).done((r) => console.log(r));
  command('sendTyping');
  const file = document.createElement('input');
  command('sendFile', { files: file });
  command('endChat', {});
  command('endChat');
  command('getFileLimits').done((r) => console.log(r));
  bus.command('WebChatService.verifySession').done((r) => {
    const active: boolean = r.sessionActive;
    if (active) {
      bus.command('WebChatService.getTranscript').done((t) => t.messages.forEach((m) => console.log(m.type, m.text)));
    }
  });
  bus.subscribe('WebChatService.ready', () => undefined);
  bus.subscribe('WebChatService.messageReceived', (e) => {
    (e.data.messages || []).forEach((m, i) => console.log(m.text, (e.data.originalMessages || [])[i]));
  });
  bus.subscribe('WebChatService.agentConnected', (e) => console.log(e.data.message.restoring));
  bus.subscribe('WebChatService.agentDisconnected', (e) => console.log(!e.data.numAgentsConnected));
  bus.subscribe('WebChatService.agentTypingStarted', (e) => console.log((e.data.from && e.data.from.name) || 'agent'));
  bus.subscribe('WebChatService.error', (e) => console.log(e.data.errors && e.data.errors[0] ? e.data.errors[0].text
    : e.data.status !== undefined ? 'HTTP ' + e.data.status : e.data.errorReason));
  const caps = bus.data('WebChatService.capabilities');
  console.log(!caps || caps.fileUpload !== false);
  bus.command('WebChatService.registerTypingPreviewInput', { input: document.createElement('textarea') });
  // the version, at run time
  const version: string = bus.data('WebChatService.version');
  console.log(version, window._genesys?.chatService?.version);
  // another plugin's commands stay untyped
  bus.command('WebChat.open', { anything: true });
  bus.subscribe('App.ready', (e) => console.log(e.data));
}

// ------------------------------------------------------------------ configuration per back end
const gms: WebChatService.WebChatConfiguration = { dataURL: 'https://gms.example.com/genesys/2/chat/customer-support',
  apikey: 'k', ajaxTimeout: 9000, pollRate: 3000 };
const cometd: WebChatService.WebChatConfiguration = { cometD: { enabled: true, cometURL: 'https://gms/genesys/cometd',
  channel: '/service/chatV2/customer-support', apiURL: 'https://gms/genesys/2/chat' } };
const cloud: WebChatService.WebChatConfiguration = { transport: { type: 'purecloud-v2-sockets',
  dataURL: 'https://api.mypurecloud.com', deploymentKey: 'd', orgGuid: 'o',
  interactionData: { routing: { targetType: 'QUEUE', targetAddress: 'Support', priority: 2 } } } };
const v3: WebChatService.WebChatConfiguration = { transport: { type: 'pureengage-v3-rest',
  dataURL: 'https://host/nexus/v3/chat/sessions', endpoint: 'support_chat', headers: { 'x-api-key': 'k' },
  async: { enabled: true, deleteSessionData: () => undefined } } };
const pureConnect: WebChatService.WebChatConfiguration = { ajaxTimeout: 3000, transport: {
  type: 'pureconnect-v4-rest', hosts: ['cic-a.example.com', 'cic-b.example.com'], useHttps: true,
  interactionData: { routing: { targetName: 'Support', targetType: 'Workgroup' }, notes: 'VIP',
    additionalAttrs: { Tier: 'gold' } } } };
const bots: WebChatService.WebChatConfiguration = { transport: { type: 'pureconnect-v4-chatbots',
  hosts: ['cic-a.example.com'], headers: { 'x-key': 'k' }, interactionData: { botName: 'Helper' } } };
window._genesys = { widgets: { webchat: gms } };
console.log(cometd, cloud, v3, pureConnect, bots);
CXBus?.command('WebChatService.configure', cloud);

// ------------------------------------------------------------------ the Chat Service JS API
const api = window._genesys!.chatService!;
api.restoreSession().done((session) => session.onMessageReceived((e) => console.log(e.text)))
  .fail((e) => {
    if (!e.error) {
      api.startSession({ dataURL: 'https://gms/genesys/2/chat/customer-support', username: 'Ada',
        userData: { FirstName: 'Ada' } }).done((session) => {
        session.sendMessage('Hi').done(() => undefined);
        session.getTranscript({ fromIndex: 2 }).done((t) => console.log(t.transcript.length));
        const id: string = session.getSessionId();
        session.leave().done((r) => console.log(id, r.serverConfirmed));
      });
    } else {
      console.log(e.error.code, e.error.description);
    }
  });

// ------------------------------------------------------------------ wrong shapes
if (bus) {
  // @ts-expect-error: no such command
  bus.command('WebChatService.startChats');
  // @ts-expect-error: PureConnect's hosts are a list
  const badHosts: WebChatService.WebChatConfiguration = { transport: { type: 'pureconnect-v4-rest', hosts: 'cic-a' } };
  console.log(badHosts);
  // @ts-expect-error: sendMessage needs its options
  bus.command('WebChatService.sendMessage');
  // @ts-expect-error: message is a string
  bus.command('WebChatService.sendMessage', { message: 5 });
  // @ts-expect-error: downloadFile needs a fileId
  bus.command('WebChatService.downloadFile', { fileName: 'a.txt' });
  // @ts-expect-error: endChat takes no options
  bus.command('WebChatService.endChat', { now: true });
  // @ts-expect-error: no such event
  bus.subscribe('WebChatService.messageRecieved', () => undefined);
  // @ts-expect-error: verifySession resolves {sessionActive}
  bus.command('WebChatService.verifySession').done((r) => r.active);
  // @ts-expect-error: the transcript's messages are an array
  bus.command('WebChatService.getTranscript').done((t) => t.messages.toUpperCase());
  // @ts-expect-error: the preprocessor is a function
  bus.command('WebChatService.registerPreProcessor', { preprocessor: 'trim' });
}
// @ts-expect-error: an unknown transport type
const bad: WebChatService.WebChatConfiguration = { transport: { type: 'purecloud-v3', dataURL: 'x' } };
// @ts-expect-error: Genesys Cloud needs its deployment key and organization
const partial: WebChatService.WebChatConfiguration = { transport: { type: 'purecloud-v2-sockets', dataURL: 'x' } };
// @ts-expect-error: the session's user data is flat
api.startSession().done((s) => s.setUserData({ a: { b: 1 } }));
console.log(bad, partial);
