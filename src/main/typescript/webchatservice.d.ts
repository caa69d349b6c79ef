// TypeScript declarations for webchatservice (the plugin, its CXBus and the Chat Service JS API).
// Hand-written beside the Java; org.wcs.packaging.DeclarationsMatchJavaTest fails when the names below drift from
// the tables the Java code uses (org.wcs.service.Commands.NAMES, Events.ALL, org.wcs.jsapi.ChatServiceTexts), and
// org.wcs.packaging.TypeScriptStrictTest compiles the demo widget's calls and typed examples with tsc --strict.
// Use: `/// <reference types="webchatservice" />` (npm), or list this file in tsconfig "files".

export {};

declare global {
  interface Window {
    CXBus?: WebChatService.CXBus;
    _genesys?: WebChatService.Genesys;
  }
  /** Our bus, installed on a page without Genesys Widgets (a Genesys Widgets page has its own). */
  var CXBus: WebChatService.CXBus | undefined;
}

declare global {
  namespace WebChatService {
    // ------------------------------------------------------------------------------------------ the bus
    /** A jQuery-like deferred's promise, as CXBus commands return it; also awaitable. */
    interface Deferred<T> extends PromiseLike<T> {
      done(fn: (value: T) => void): Deferred<T>;
      fail(fn: (reason: any) => void): Deferred<T>;
      always(fn: (valueOrReason: any) => void): Deferred<T>;
      state(): 'pending' | 'resolved' | 'rejected';
    }

    /** What a command handler receives: the options, who sent it, and the deferred to settle. */
    interface CommandEvent<O = any> {
      command: string;
      commander: string;
      data: O;
      deferred: { resolve(value?: unknown): void; reject(reason?: unknown): void };
    }

    /** What a subscriber receives. */
    interface BusEvent<D = any> {
      event: string;
      publisher: string;
      data: D;
    }

    /** `WebChatService.<command>` names, each with its options (a tuple: optional or required) and resolved value. */
    type CommandName = `WebChatService.${keyof Commands}`;
    type EventName = `WebChatService.${keyof Events}`;
    /** A name that is not one of ours: the untyped overloads take these only, so our names cannot escape a check. */
    type OtherName<N extends string> = N extends `WebChatService.${string}` ? never : N;

    /** The plugin interface registerPlugin returns. */
    interface Plugin {
      command<K extends keyof Commands>(name: `WebChatService.${K}`, ...options: Commands[K]['options']):
        Deferred<Commands[K]['resolved']>;
      command<N extends string>(name: OtherName<N>, options?: unknown): Deferred<any>;
      subscribe<K extends keyof Events>(name: `WebChatService.${K}`, fn: (e: BusEvent<Events[K]>) => void):
        string | false;
      subscribe<N extends string>(name: OtherName<N>, fn: (e: BusEvent) => void): string | false;
      unsubscribe(id: string): boolean;
      publish(event: string, data?: unknown): boolean;
      registerCommand(name: string, handler: (e: CommandEvent) => void): boolean;
      registerEvents(names: string[]): boolean;
      /** Registered data, e.g. `data('WebChatService.version')`. */
      data<K extends keyof Data>(key: `WebChatService.${K}`): Data[K];
      data(key: string, value?: unknown): any;
      before(name: string, fn: (options: any) => unknown): boolean;
      ready(): void;
      namespace(): string;
    }

    /** `window.CXBus` (ours on a page without Genesys Widgets). */
    interface CXBus extends Plugin {
      registerPlugin(name: string): Plugin | false;
      loadPlugin(name: string): Deferred<unknown>;
      configure(options: { debug?: boolean; pluginsPath?: string; [key: string]: unknown }): void;
    }

    /** `WebChatService.data.*`: the plugin's registered data. */
    interface Data {
      /** The build's version (the POM's); "dev" in a bundle no build stamped. */
      version: string;
      sessionActive: boolean;
      sleeping: boolean;
      agentTyping: boolean;
      userData: Record<string, unknown>;
      interactionData: Record<string, unknown>;
      capabilities: Record<string, unknown>;
    }

    // ------------------------------------------------------------------------------------------ configuration
    /** `window._genesys`. */
    interface Genesys {
      widgets?: {
        webchat?: WebChatConfiguration;
        main?: { deploymentID?: string; cookieOptions?: Record<string, unknown>; header?: Record<string, string>;
          [key: string]: unknown };
        /** The QuickBus: a plugin interface with registerPlugin. */
        bus?: CXBus;
        [key: string]: unknown;
      };
      chatService?: ChatServiceApi;
      chatServiceConfig?: { exportAs?: string; onReady?: ((api: ChatServiceApi) => void) |
        Array<(api: ChatServiceApi) => void>; defaults?: SessionOptions };
    }

    /**
     * `window._genesys.widgets.webchat`: GMS REST with `dataURL` and no `transport`; GMS CometD with `cometD`;
     * another back end with `transport.type`.
     */
    interface WebChatConfiguration {
      /** GMS chat service URL (REST polling). */
      dataURL?: string;
      serverURL?: string;
      apikey?: string;
      endpoint?: string;
      /** Sends `_genesys.widgets.main.header.Authorization`. */
      enableCustomHeader?: boolean;
      /** Default true. */
      enableUrlTrailingSlash?: boolean;
      userData?: Record<string, unknown>;
      /** ms; default 3000. */
      ajaxTimeout?: number;
      /** ms; default 120000. */
      fileUploadTimeout?: number;
      /** Set on every REST and file XHR right after it opens. */
      xhrFields?: Record<string, unknown>;
      /** Default 5. */
      pollExceptionLimit?: number;
      /** ms; default 60000. */
      restoreTimeout?: number;
      pollRate?: number;
      pollRateMin?: number;
      pollRateMax?: number;
      pollRateMult?: number;
      pollRateSleep?: number;
      dynamicPolling?: boolean;
      sleepEnabled?: boolean;
      maxMessageLength?: number;
      /** ms; default 30000: the cap of the back-off during an outage. */
      backoffMax?: number;
      /**
       * Default true: the tabs of this site in one browser share one chat (one connection, held by a leader tab; the
       * others mirror it). false: each tab runs its chat alone, as the original did. The lite builds
       * (`plugins/<back end>/lite/`) always run each tab alone and ignore it.
       */
      tabs?: boolean;
      /** GMS Chat API v2 over CometD. */
      cometD?: { enabled: boolean; cometURL?: string; channel?: string; apiURL?: string };
      transport?: Transport;
      [key: string]: unknown;
    }

    /** The back ends chosen by `transport.type`. */
    type Transport = PureCloudTransport | MulticloudTransport | PureConnectRestTransport | PureConnectBotsTransport;

    /** Genesys Cloud guest chat. */
    interface PureCloudTransport {
      type: 'purecloud-v2-sockets';
      /** e.g. https://api.mypurecloud.com */
      dataURL: string;
      deploymentKey: string;
      orgGuid: string;
      organizationId?: string;
      interactionData?: {
        routing?: { targetType?: string; targetAddress?: string; priority?: number; skills?: string[];
          language?: string };
        journey?: Record<string, unknown>;
        userData?: Record<string, unknown>;
      };
      /** Default true. */
      pagination?: boolean;
      /** Default 100. */
      maxMessagePageSize?: number;
      /** Default false. */
      botEventsEnabled?: boolean;
      /** ms; default 14000. */
      socketHeartbeatTrackerInterval?: number;
      /** ms; default 2000, the back-off base. */
      socketReconnectInterval?: number;
      [key: string]: unknown;
    }

    /** Multicloud CX v3 (Digital Channels chat). */
    interface MulticloudTransport {
      type: 'pureengage-v3-rest';
      /** Every call goes under here, e.g. https://<host>/nexus/v3/chat/sessions */
      dataURL: string;
      endpoint?: string;
      headers?: Record<string, string>;
      clientType?: string;
      stream?: string;
      /** ms; read cadence (min 100) and base of the back-off. */
      pollTimeout?: number;
      /** Restore and history page (min 16). */
      maxMessagePageSize?: number;
      async?: {
        enabled: boolean;
        getSessionData?: (sessionData: unknown, cookie: unknown, cookieOptions: unknown) => void;
        setSessionData?: (open: unknown, cookie: unknown, cookieOptions: unknown) => unknown;
        deleteSessionData?: (errorData: unknown, cookie: unknown, cookieOptions: unknown) => void;
      };
      [key: string]: unknown;
    }

    /** PureConnect routing and attributes of a start (both PureConnect transports). */
    interface PureConnectInteractionData {
      routing?: { targetName?: string; targetType?: string; routingContexts?: unknown[]; [key: string]: unknown };
      notes?: string;
      additionalAttrs?: Record<string, unknown>;
      journey?: { customerId?: string; customerIdType?: string; actionMapId?: string };
      botName?: string;
      [key: string]: unknown;
    }

    /** PureConnect web chat: ICWS web-chat API of a pool of servers, polled. */
    interface PureConnectRestTransport {
      type: 'pureconnect-v4-rest';
      /** Tried in order; a 503 moves to the next. */
      hosts: string[];
      /** Default true: https://<host>:8019 (false: http://<host>:8018). */
      useHttps?: boolean;
      /** Set: every URL is <reverseProxyUrl>/<host>/icws/web-chat/... */
      reverseProxyUrl?: string;
      interactionData?: PureConnectInteractionData;
      userData?: Record<string, unknown>;
      [key: string]: unknown;
    }

    /** PureConnect chat bots: REST start and sends through the connector, events over a WebSocket. */
    interface PureConnectBotsTransport {
      type: 'pureconnect-v4-chatbots';
      hosts: string[];
      /** Sent on every REST call. */
      headers?: Record<string, string>;
      chatBotData?: Record<string, unknown>;
      botCustomData?: unknown;
      additionalAttrs?: Record<string, unknown>;
      useCaaS?: boolean;
      caasUrl?: string;
      environmentType?: 'dev' | 'test' | string;
      interactionData?: PureConnectInteractionData;
      /** Ours: the connector's REST base (default: the original's hard-coded address). */
      chatbotsRestBase?: string;
      /** Ours: the connector's socket URL (default: the original's hard-coded address). */
      chatbotsSocketUrl?: string;
      [key: string]: unknown;
    }

    // ------------------------------------------------------------------------------------------ commands
    interface Party {
      name?: string;
      type?: string;
      [key: string]: unknown;
    }

    /** A transcript entry (message, notice, join, leave, typing...). */
    interface Message {
      index?: number;
      type: string;
      text?: string;
      from?: Party;
      timestamp?: number;
      [key: string]: unknown;
    }

    interface StartChatOptions {
      nickname?: string;
      firstname?: string;
      lastname?: string;
      email?: string;
      subject?: string;
      userData?: Record<string, unknown>;
      [key: string]: unknown;
    }

    interface SessionData {
      sessionID: string;
      userId: string;
      secureKey: string;
      alias: string;
      [key: string]: unknown;
    }

    type Filters = RegExp | RegExp[];
    /** No options; `{}` is accepted, as pages pass it. */
    type None = [options?: Record<string, never>];
    type Optional<T> = [options?: T];
    type Required<T> = [options: T];

    /** Every command: `options` as a parameter tuple, `resolved` what `done` receives. */
    interface Commands {
      configure: { options: Required<WebChatConfiguration>; resolved: void };
      startChat: { options: Optional<StartChatOptions>; resolved: unknown };
      endChat: { options: None; resolved: unknown };
      sendMessage: { options: Required<{ message: string; type?: string; parentMessageID?: string }>;
        resolved: unknown };
      sendCustomNotice: { options: Required<{ message: string }>; resolved: unknown };
      sendTyping: { options: Optional<{ message?: string }>; resolved: unknown };
      sendFilteredMessage: { options: Required<{ message: string; regex: Filters }>; resolved: void };
      addPrefilter: { options: Required<{ filters: Filters }>; resolved: unknown };
      updateUserData: { options: Required<Record<string, unknown>>; resolved: unknown };
      updateInteractionData: { options: Required<Record<string, unknown>>; resolved: unknown };
      /** Only the plugin itself may poll; a page's call is rejected. */
      poll: { options: None; resolved: unknown };
      startPoll: { options: None; resolved: unknown };
      stopPoll: { options: None; resolved: unknown };
      pausePoll: { options: None; resolved: unknown };
      resetPollExceptions: { options: None; resolved: unknown };
      restore: { options: Optional<Record<string, unknown>>; resolved: unknown };
      asyncRestore: { options: Optional<Record<string, unknown>>; resolved: unknown };
      getTranscript: { options: None; resolved: { messages: Message[]; [key: string]: unknown } };
      getAgents: { options: None; resolved: { agents: Record<string, Party> | Party[] } };
      getStats: { options: None; resolved: Record<string, unknown> };
      /** `files` is the file input (its first file is sent). */
      sendFile: { options: Required<{ files: HTMLInputElement | { files: ArrayLike<File> } }>; resolved: unknown };
      downloadFile: { options: Required<{ fileId: string; fileName?: string }>; resolved: unknown };
      getFileLimits: { options: None; resolved: unknown };
      getSessionData: { options: None; resolved: SessionData };
      fetchHistory: { options: None; resolved: unknown };
      registerTypingPreviewInput: { options: Required<{ input: HTMLInputElement | HTMLTextAreaElement }>;
        resolved: unknown };
      registerPreProcessor: { options: Required<{ preprocessor: (message: Message) => Message | void }>;
        resolved: Function };
      verifySession: { options: None; resolved: { sessionActive: boolean } };
      sleep: { options: None; resolved: void };
      wake: { options: Optional<{ resetIdleState?: boolean }>; resolved: void };
    }

    // ------------------------------------------------------------------------------------------ events
    interface Participant {
      message: Message;
      numAgentsConnected?: number;
      [key: string]: unknown;
    }

    interface Typing {
      from?: Party;
      [key: string]: unknown;
    }

    /** Every event and its `data`. */
    interface Events {
      ready: {};
      restored: Record<string, unknown>;
      restoreTimeout: Record<string, unknown>;
      restoreFailed: Record<string, unknown>;
      restoredOffline: Record<string, unknown>;
      messageReceived: { messages: Message[]; restoring?: boolean; originalMessages?: unknown[];
        [key: string]: unknown };
      /** Ours (`errorReason`: `InternalError`, `CookiesUnavailable`), or a back end's failed answer. */
      error: { errorReason?: string; message?: string; errors?: Array<{ code?: number | string; text?: string }>;
        status?: number; responseJSON?: any; [key: string]: unknown };
      started: Record<string, unknown>;
      ended: Record<string, unknown>;
      agentTypingStarted: Typing;
      agentTypingStopped: Typing;
      agentTypingTimeout: Typing;
      pollingStarted: Record<string, unknown>;
      pollingStopped: Record<string, unknown>;
      clientConnected: Participant;
      clientDisconnected: Participant;
      agentConnected: Participant;
      agentDisconnected: Participant;
      supervisorConnected: Participant;
      supervisorDisconnected: Participant;
      botConnected: Participant;
      botDisconnected: Participant;
      clientTypingStarted: Record<string, unknown>;
      clientTypingStopped: Record<string, unknown>;
      ajaxResponse: unknown;
      disconnected: Record<string, unknown>;
      reconnected: Record<string, unknown>;
      chatServerWentOffline: Record<string, unknown>;
      chatServerBackOnline: Record<string, unknown>;
      connectionPending: Record<string, unknown>;
      connectionRestored: Record<string, unknown>;
      chatServerTimeout: Record<string, unknown>;
      capabilitiesChanged: Record<string, unknown>;
      sessionLost: Record<string, unknown>;
      sleeping: Record<string, unknown>;
      waking: Record<string, unknown>;
    }

    // ------------------------------------------------------------------------------------------ Chat Service JS API
    /** What `fail` receives; `restoreSession` with nothing to restore fails with no `error`. */
    interface ChatServiceFailure {
      error?: { code: number; description: string; details?: Record<string, unknown> };
    }

    interface ChatServicePromise<T> {
      done(...fn: Array<(value: T) => void>): ChatServicePromise<T>;
      fail(...fn: Array<(event: ChatServiceFailure) => void>): ChatServicePromise<T>;
      always(...fn: Array<(valueOrEvent: T | ChatServiceFailure) => void>): ChatServicePromise<T>;
      then(onDone?: (value: T) => void, onFail?: (event: ChatServiceFailure) => void): ChatServicePromise<T>;
      state(): 'pending' | 'resolved' | 'rejected';
    }

    interface SessionOptions {
      /** CometD URL: GMS CometD mode. */
      serverUrl?: string;
      /** GMS REST URL: REST mode. */
      dataURL?: string;
      username?: string;
      subject?: string;
      userData?: Record<string, unknown>;
      serviceName?: string;
      apikey?: string;
      ajaxTimeout?: number;
      restoreTimeout?: number;
      maxMessageLength?: number;
      endpoint?: string;
      /** Plain core settings only. */
      transport?: Record<string, unknown>;
      stateStorage?: { write(state: string): void; read(): string | null | undefined };
    }

    type SessionEvent = Record<string, any>;

    /** `window._genesys.chatService`. */
    interface ChatServiceApi {
      startSession(options?: SessionOptions): ChatServicePromise<ChatSession>;
      restoreSession(options?: SessionOptions): ChatServicePromise<ChatSession>;
      /** An alias of startSession. */
      startChat(options?: SessionOptions): ChatServicePromise<ChatSession>;
      /** The build's version (the POM's). */
      version: string;
    }

    interface ChatSession {
      sendMessage(message: string | { message: string }): ChatServicePromise<{}>;
      /** Optional preview text. */
      sendTyping(options?: { message?: string }): ChatServicePromise<{}>;
      leave(): ChatServicePromise<{ serverConfirmed: boolean }>;
      /** An alias of leave. */
      end(): ChatServicePromise<{ serverConfirmed: boolean }>;
      /** `fromIndex`: 0-based, default 0 (the whole transcript). */
      getTranscript(options?: { fromIndex?: number }): ChatServicePromise<{ transcript: SessionEvent[] }>;
      /** Synchronous: the chat's id. */
      getSessionId(): string;
      setUserData(data: Record<string, string | number | boolean>): ChatServicePromise<{}>;
      getUserData(key: string): ChatServicePromise<{ userData: Record<string, unknown> }>;
      deleteUserData(key: string): ChatServicePromise<{}>;
      sendCustomNotice(message: string | { message: string }): ChatServicePromise<{ timestamp: number }>;
      /** An alias of sendCustomNotice. */
      sendNotification(message: string | { message: string }): ChatServicePromise<{ timestamp: number }>;
      onAgentConnected(fn: (e: SessionEvent) => void): ChatSession;
      onAgentDisconnected(fn: (e: SessionEvent) => void): ChatSession;
      onMessageReceived(fn: (e: SessionEvent) => void): ChatSession;
      onNoticeReceived(fn: (e: SessionEvent) => void): ChatSession;
      onAgentTypingStarted(fn: (e: SessionEvent) => void): ChatSession;
      onAgentTypingStopped(fn: (e: SessionEvent) => void): ChatSession;
      onInterrupted(fn: (e: SessionEvent) => void): ChatSession;
      onContinued(fn: (e: SessionEvent) => void): ChatSession;
      onSessionEnded(fn: (e: SessionEvent) => void): ChatSession;
      onError(fn: (e: ChatServiceFailure) => void): ChatSession;
    }
  }
}
