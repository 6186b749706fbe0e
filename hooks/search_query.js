/* Query segmentation for Chinese, appended to Material's search worker by hooks/search.py.

   The index is segmented at build time by jieba (words joined by U+200B) and searched with
   lunr's plain tokenizer, so a question typed without spaces ("最低还款") must be cut into the
   index's words in the browser. Material's own cut (query/segment) never tries a word that
   ends at the end of the question, so "最低还款" became 最低* + 还* (every page says 还), and it
   keeps every question word (吗, 怎么, 会 …), which then match headings. This cut:
   - longest match against the index's own vocabulary, up to 8 characters, including the
     last word; a character that starts no word stays on its own;
   - drops question and function words (STOP) unless nothing else is left;
   - gives words of two or more characters a trailing wildcard (最低* also finds 最低还款额)
     and searches a single character exactly (还^1: 还 alone, not 还款, 还有, 还是 …).
   It returns the query text for one run of Han characters. */
(function () {
  "use strict";
  var STOP = new Set((
    "的 了 吗 嗎 呢 吧 啊 呀 么 麼 嘛 我 你 他 她 我的 我们 我們 自己 会 會 能 能不能 可以 " +
    "要 还要 還要 想 是 是不是 有 没有 沒有 在 和 与 與 跟 就 都 也 又 被 把 给 給 对 對 让 讓 " +
    "怎么 怎麼 怎么办 怎麼辦 怎样 怎樣 如何 什么 什麼 为什么 為什麼 哪 哪个 哪個 哪里 哪裡 哪些 " +
    "真的 一下 请问 請問 过 過 着 著 去 来 來 到 得 地 个 個 这 這 那 这个 這個 那个 那個 吗？"
  ).split(" "));
  var MAX = 8;

  self.__segmentQuery = function (run, vocab) {
    var words = [];
    for (var i = 0; i < run.length;) {
      var len = 1;
      for (var j = Math.min(run.length, i + MAX); j > i + 1; j--) {
        if (Object.prototype.hasOwnProperty.call(vocab, run.slice(i, j))) { len = j - i; break; }
      }
      words.push(run.slice(i, i + len));
      i += len;
    }
    var kept = words.filter(function (w) { return !STOP.has(w); });
    if (!kept.length) kept = words;
    var long = kept.filter(function (w) { return w.length > 1; });
    if (long.length) kept = long;
    // Spaces around the run: "逾期90天" must not become one term "逾期90天^1".
    return " " + kept.map(function (w) {
      return w.length > 1 ? w : w + "^1";  // Material adds the trailing * to the rest
    }).join(" ") + " ";
  };
})();
