// The Suggestions page's keys: j/k move between suggestions; s, x, p, u accept as same claim, contradicts,
// supports, update; d dismisses. Each key clicks a real button, so the page works the same by mouse or
// without JavaScript. Listening in the capture phase keeps the review desk's own keys (u = undo) off this page.
(function () {
  "use strict";

  const rows = () => Array.from(document.querySelectorAll("#suggestions .suggestion-row[data-suggestion]"));
  let current = null;

  function select(row) {
    if (!row) return;
    document.querySelectorAll(".suggestion-row.current").forEach((el) => el.classList.remove("current"));
    current = row.dataset.suggestion;
    row.classList.add("current");
    row.scrollIntoView({ block: "nearest" });
    row.focus({ preventScroll: true });
  }

  function currentRow() {
    const row = current && document.getElementById(`suggestion-${current}`);
    return row && row.dataset.suggestion ? row : null;
  }

  function move(step) {
    const all = rows();
    if (!all.length) return;
    const index = all.indexOf(currentRow());
    select(all[index === -1 ? 0 : Math.min(Math.max(index + step, 0), all.length - 1)]);
  }

  function typing(target) {
    return target.closest("input, textarea, select, [contenteditable=true], dialog[open] form") !== null;
  }

  document.addEventListener(
    "keydown",
    (event) => {
      if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
      if (event.key === "j" || event.key === "k") {
        move(event.key === "j" ? 1 : -1);
      } else if ("sxpud".includes(event.key) && event.key.length === 1) {
        const row = currentRow() || rows()[0];
        const button = row && row.querySelector(`[data-suggest-key="${event.key}"]`);
        if (!button) return;
        select(row);
        button.click();
      } else {
        return;
      }
      event.preventDefault();
      event.stopImmediatePropagation();
    },
    { capture: true },
  );

  document.addEventListener("click", (event) => {
    const row = event.target.closest("#suggestions .suggestion-row[data-suggestion]");
    if (row) select(row);
  });

  // A decided suggestion turns into its notice; the next one becomes current, ready for the next key.
  document.body.addEventListener("htmx:afterSwap", (event) => {
    const decided = current && document.querySelector(`#suggestion-${current}[data-decided]`);
    if (!decided) return;
    let next = decided.nextElementSibling;
    while (next && !next.dataset.suggestion) next = next.nextElementSibling;
    if (next) select(next);
  });
})();
