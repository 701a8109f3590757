/*
 * Story map host script. Add it once to a page that embeds story maps:
 *
 *   <iframe data-storymap src="https://maps.example/pakistan-russia/embed/" title="…"></iframe>
 *   <script src="https://maps.example/embed.js" defer></script>
 *
 * - Sizes every story-map iframe to its content (the embed posts its height). Iframes are
 *   recognised by data-storymap or, where a CMS strips that attribute, by the messages their
 *   embed sends: each message's source window is matched to an iframe's contentWindow.
 * - Paragraphs marked data-storymap-event="<feature id>" (optionally
 *   data-storymap-date="<from>/<to>", data-storymap-target="<iframe id>") select that feature in
 *   the embedded map as the reader scrolls past them. Paragraphs marked
 *   data-storymap-chapter="<chapter slug>" play that chapter of the story instead.
 * - Selections made inside the map reach the page as a "storymap:select" DOM event on the
 *   iframe, with detail { id, title, cause }.
 * - window.StoryMap.select(id), .clear(), .setDateWindow(from, to) and .setChapter(slug) command
 *   a map from script;
 *   each takes the iframe as an optional last argument (default: the first story map).
 *
 * Messages are plain data: only "storymap:" messages from an iframe of this page, from that
 * iframe's own origin, are read, and nothing in them is ever evaluated. No dependencies.
 */
(function () {
  'use strict';
  if (window.StoryMap) return;

  // Story-map iframes that lack the attribute, recognised by their messages.
  var recognised = new WeakSet();
  var frames = function () {
    return Array.prototype.filter.call(document.querySelectorAll('iframe'), function (f) {
      return f.hasAttribute('data-storymap') || recognised.has(f);
    });
  };
  var originOf = function (frame) {
    try {
      return new URL(frame.src, location.href).origin;
    } catch {
      return null;
    }
  };
  var state = new WeakMap(); // frame -> { ready: boolean, pending: message[] }
  var stateOf = function (frame) {
    var s = state.get(frame);
    if (!s) state.set(frame, (s = { ready: false, pending: [] }));
    return s;
  };

  // Commands sent before the embed is listening would be lost: keep the latest of each kind.
  function queue(list, message) {
    return list
      .filter(function (m) {
        return (
          m.type !== message.type &&
          !(message.type === 'storymap:select' && m.type === 'storymap:clear')
        );
      })
      .concat([message]);
  }
  // Commands for the default map sent before any story map is known (no data-storymap yet).
  var early = [];

  function send(frame, message) {
    if (!frame) {
      early = queue(early, message);
      return;
    }
    if (!frame.contentWindow) return;
    var s = stateOf(frame);
    if (!s.ready) {
      s.pending = queue(s.pending, message);
      return;
    }
    frame.contentWindow.postMessage(message, originOf(frame));
  }

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data !== 'object' || !/^storymap:/.test(data.type)) return;
    var frame = Array.prototype.filter.call(document.querySelectorAll('iframe'), function (f) {
      return f.contentWindow === event.source;
    })[0];
    if (!frame || event.origin !== originOf(frame)) return;
    recognised.add(frame);
    if (data.type === 'storymap:height') {
      var h = Number(data.height);
      if (isFinite(h) && h > 0 && h < 20000) frame.style.height = Math.ceil(h) + 'px';
    } else if (data.type === 'storymap:ready') {
      var s = stateOf(frame);
      s.ready = true;
      var pending = (frame === frames()[0] ? early : []).concat(s.pending);
      s.pending = [];
      if (frame === frames()[0]) early = [];
      pending.forEach(function (m) {
        send(frame, m);
      });
      frame.dispatchEvent(new CustomEvent('storymap:ready', { bubbles: true }));
    } else if (data.type === 'storymap:select') {
      frame.dispatchEvent(
        new CustomEvent('storymap:select', {
          bubbles: true,
          detail: {
            id: typeof data.id === 'string' ? data.id : null,
            title: typeof data.title === 'string' ? data.title : null,
            cause: data.cause === 'host' ? 'host' : 'user',
          },
        }),
      );
    }
  });

  function target(frame) {
    return frame || frames()[0];
  }

  window.StoryMap = {
    select: function (id, frame) {
      send(target(frame), { type: 'storymap:select', id: String(id) });
    },
    clear: function (frame) {
      send(target(frame), { type: 'storymap:clear' });
    },
    setDateWindow: function (from, to, frame) {
      send(target(frame), { type: 'storymap:setDateWindow', from: String(from), to: String(to) });
    },
    setChapter: function (slug, frame) {
      send(target(frame), { type: 'storymap:setChapter', chapter: String(slug) });
    },
  };

  // The driver: the paragraph crossing the middle of the viewport selects its feature, or plays
  // its chapter.
  function drive() {
    var paragraphs = document.querySelectorAll('[data-storymap-event], [data-storymap-chapter]');
    if (!paragraphs.length || !('IntersectionObserver' in window)) return;
    var active = null;
    var observer = new IntersectionObserver(
      function (entries) {
        entries.forEach(function (entry) {
          if (!entry.isIntersecting || entry.target === active) return;
          if (active) active.removeAttribute('data-storymap-active');
          active = entry.target;
          active.setAttribute('data-storymap-active', '');
          var id = active.getAttribute('data-storymap-target');
          var frame = (id && document.getElementById(id)) || frames()[0];
          var chapter = active.getAttribute('data-storymap-chapter');
          if (chapter) return window.StoryMap.setChapter(chapter, frame);
          var dates = (active.getAttribute('data-storymap-date') || '').split('/');
          if (dates.length === 2) window.StoryMap.setDateWindow(dates[0], dates[1], frame);
          window.StoryMap.select(active.getAttribute('data-storymap-event'), frame);
        });
      },
      { rootMargin: '-45% 0px -45% 0px' },
    );
    Array.prototype.forEach.call(paragraphs, function (p) {
      observer.observe(p);
    });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', drive);
  else drive();
})();
