/* A page plugin with bugs of its own: its subscriber and its done callback throw (FieldIT checks the page sees both). */
(function () {
  var buggy = (window._genesys.widgets.bus || window.CXBus).registerPlugin('Buggy');
  buggy.subscribe('WebChatService.messageReceived', function () { throw new Error('subscriber bug'); });
  buggy.command('WebChatService.getSessionData').done(function () { throw new Error('done bug'); });
})();
