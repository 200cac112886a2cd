/* The search's results: the pages named by what was typed come first.

   The theme's search completes every word typed as the start of a longer one ("tu" also finds
   "tuổi") and weighs rare words more, so a long title holding a rare completion can outrank the page
   whose name is exactly the query: "khai tu" put procedure 15 ("... dưới 6 tuổi") above "Đăng ký khai
   tử". The theme offers no hook on its ranking, so this script stands between the page and its search
   worker: it notes each query sent and, in the results that come back, moves ahead the pages whose
   title (with its abbreviations and other names, see plannav/generator/searchindex.py) holds the words
   typed as a phrase, then those whose title holds each of them as a whole word (diacritics or not),
   then the pages with a section so named; among titles holding the phrase, the one with the fewest other
   words first. Otherwise the theme's order stands. It loads before the theme's script, which creates the worker. */
(() => {
  "use strict";
  const Native = window.Worker;
  if (!Native) return;
  const SETUP = 0, QUERY = 2, RESULT = 3;  // the theme's message types
  const NAME_FIELDS = ["title_folded", "abbr_title", "aliases"];
  const ALIAS_SEPARATOR = " · ";  // plannav/site.py joins a page's other names with it
  let separator = /[\s-]+/;

  const fold = text => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d").toLowerCase();
  const words = text => fold(String(text || "").replace(/<[^>]+>/g, "")).split(separator).filter(Boolean);

  // 0: the words typed, in order, are a phrase of the result's title; 1: its title holds every one of
  // them; 2: neither.
  // A page's names: its title, its abbreviations, and each of its other names (aliases, " · " apart).
  const names = item => NAME_FIELDS.flatMap(field => field === "aliases"
    ? String(item[field] || "").split(ALIAS_SEPARATOR).map(words) : [words(item[field])]);

  const match = (item, wanted) => {
    const fields = names(item);
    const joined = ` ${wanted.join(" ")} `;
    if (fields.some(field => ` ${field.join(" ")} `.includes(joined))) return 0;
    const have = new Set(fields.flat());
    return wanted.every(word => have.has(word)) ? 1 : 2;
  };

  // Among titles that hold the phrase, the one with the fewest other words names it most exactly:
  // "Đăng ký khai tử" before "Liên thông đăng ký khai tử - Xóa đăng ký thường trú - …" for "khai tu".
  const extra = (group, wanted) => {
    const page = group.find(item => !item.location.includes("#"));
    if (!page) return Infinity;
    const joined = ` ${wanted.join(" ")} `;
    const lengths = names(page)
      .filter(field => ` ${field.join(" ")} `.includes(joined)).map(field => field.length - wanted.length);
    return lengths.length ? Math.min(...lengths) : Infinity;
  };

  // The page's own title first, then one of its sections: 0, 1 (the page); 2, 3 (a section); 4.
  const level = (group, wanted) => {
    const page = group.find(item => !item.location.includes("#"));
    const own = page ? match(page, wanted) : 2;
    if (own < 2) return own;
    const best = Math.min(...group.map(item => match(item, wanted)));
    return best < 2 ? 2 + best : 4;
  };

  // The words wanted, without the search's own syntax: "+word", "-word" (left out), "word*", "word~1",
  // "word^2", "title:word".
  const wantedWords = query => words(query.split(/\s+/)
    .filter(term => !term.startsWith("-"))
    .map(term => term.replace(/^\+/, "").replace(/^[a-z_]+:/i, "").replace(/\*|[~^]\d*$/g, ""))
    .join(" "));

  const rank = (groups, query) => {
    const wanted = wantedWords(query);
    if (!wanted.length || !Array.isArray(groups)) return;
    const keyed = groups.map((group, position) => {
      const found = level(group, wanted);
      return [found, found === 0 ? extra(group, wanted) : 0, position, group];
    });
    keyed.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
    keyed.forEach(([, , , group], i) => { groups[i] = group; });
    // Enter opens the result with the highest score, not the first shown: scores now fall in the new
    // order. The same amount is added to a whole group, so which of its sections show is unchanged.
    const top = Math.max(0, ...groups.flat().map(item => item.score || 0));
    groups.forEach((group, i) => group.forEach(item => { item.score = (item.score || 0) + (groups.length - i) * (top + 1); }));
  };

  window.Worker = function (url, options) {
    const worker = new Native(url, options);
    const queries = [];  // the worker answers in the order it was asked
    const post = worker.postMessage.bind(worker);
    worker.postMessage = (message, ...rest) => {
      if (message && message.type === SETUP && message.data && message.data.config) {
        separator = new RegExp(message.data.config.separator);
      } else if (message && message.type === QUERY) {
        queries.push(String(message.data || ""));
      }
      return post(message, ...rest);
    };
    // Registered before the theme's own listener, so it reorders the results the theme then shows.
    worker.addEventListener("message", event => {
      if (event.data && event.data.type === RESULT) {
        const query = queries.shift();
        if (query !== undefined && event.data.data) rank(event.data.data.items, query);
      }
    });
    return worker;
  };
  window.Worker.prototype = Native.prototype;
})();
