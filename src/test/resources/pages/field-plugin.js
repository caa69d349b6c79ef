/*
 * Loads the plugin build that ?build= names (gms, purecloud-v2-sockets, pureengage-v3-rest: that back end's
 * standalone build), or the all-back-ends file, as a parser-inserted script so that it runs before the next tag.
 */
(function () {
  var build = new URLSearchParams(location.search).get('build');
  var src = build ? '/plugins/' + build + '/webchatservice.standalone.min.js' : '/plugins/webchatservice.min.js';
  document.write('<script src="' + src + '"><\/script>');
})();
