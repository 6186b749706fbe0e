// Search on `input`, not only on keyup. Material's search box reads its value on keyup, so a
// question that arrives without a key press (pasted from the menu, voice typing, a word
// committed by a Chinese IME on a phone) showed no results. On every input event that is not
// mid-composition we send the box the keyup Material listens for; Material drops repeats of
// the same value itself.
(function () {
  "use strict";
  var box = document.querySelector("input[data-md-component=search-query]");
  if (!box) return;
  function search() {
    box.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
  }
  box.addEventListener("input", function (event) {
    if (!event.isComposing) search();
  });
  box.addEventListener("compositionend", search);
})();
