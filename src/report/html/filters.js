(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) { return; }
  var cards = Array.prototype.slice.call(document.querySelectorAll("article.card"));
  var shown = document.getElementById("shown");
  function apply() {
    var verdicts = {};
    Array.prototype.forEach.call(form.querySelectorAll("input[name=verdict]"), function (box) {
      verdicts[box.value] = box.checked;
    });
    var subject = form.elements.subject.value;
    var outlet = form.elements.outlet.value;
    var count = 0;
    cards.forEach(function (card) {
      var outlets = " " + card.getAttribute("data-outlets") + " ";
      var keep = verdicts[card.getAttribute("data-verdict")] === true &&
        (subject === "" || card.getAttribute("data-subject") === subject) &&
        (outlet === "" || outlets.indexOf(" " + outlet + " ") >= 0);
      card.hidden = !keep;
      if (keep) { count += 1; }
    });
    shown.textContent = count + " " + shown.getAttribute("data-of") + " " + cards.length;
  }
  // A link to a card the filters hide shows every card again.
  function reveal() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id ? document.getElementById(id) : null;
    if (target && target.hidden) {
      form.reset();
      apply();
      target.scrollIntoView();
    }
  }
  form.addEventListener("change", apply);
  form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  window.addEventListener("hashchange", reveal);
  window.addEventListener("beforeprint", function () {
    Array.prototype.forEach.call(document.querySelectorAll("details"), function (d) { d.open = true; });
  });
  form.hidden = false;
  apply();
}());
