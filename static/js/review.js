// The review desk's keyboard and selection behaviour. Every action it triggers is a real button or link
// in the page, so everything here also works by mouse, and the forms work without JavaScript at all.
(function () {
  "use strict";

  const KEYS = { c: "c", r: "r", e: "e", l: "l" };
  let currentId = null;

  const cards = () => Array.from(document.querySelectorAll("#claims .claim[data-claim]"));
  const highlightsOf = (id) => document.querySelectorAll(`.hl[data-claim="${id}"]`);

  function setCurrent(card, { scroll = true } = {}) {
    if (!card) return;
    document.querySelectorAll(".claim.current, .hl.current").forEach((el) => el.classList.remove("current"));
    currentId = card.dataset.claim;
    card.classList.add("current");
    highlightsOf(currentId).forEach((hl) => hl.classList.add("current"));
    if (scroll) {
      card.scrollIntoView({ block: "nearest" });
      const first = highlightsOf(currentId)[0];
      if (first) first.scrollIntoView({ block: "nearest" });
    }
    card.focus({ preventScroll: true });
  }

  function move(step) {
    const all = cards();
    if (!all.length) return;
    const index = all.findIndex((card) => card.dataset.claim === currentId);
    const next = index === -1 ? (step > 0 ? 0 : all.length - 1) : Math.min(Math.max(index + step, 0), all.length - 1);
    setCurrent(all[next]);
  }

  function currentCard() {
    return currentId ? document.getElementById(`claim-${currentId}`) : null;
  }

  function press(key) {
    const card = currentCard() || (move(1), currentCard());
    const control = card && card.querySelector(`[data-key="${key}"]`);
    if (control) control.click();
  }

  function typing(target) {
    return target.closest("input, textarea, select, [contenteditable=true], dialog[open] form") !== null;
  }

  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
    const dialog = document.getElementById("shortcuts");
    if (event.key === "?") {
      if (dialog && !dialog.open) dialog.showModal();
    } else if (event.key === "Escape") {
      const panel = document.getElementById("panel");
      if (panel) panel.innerHTML = "";
    } else if (event.key === "j") {
      move(1);
    } else if (event.key === "k") {
      move(-1);
    } else if (event.key === "u") {
      const form = document.getElementById("undo-form");
      if (form) form.requestSubmit();
    } else if (KEYS[event.key]) {
      press(KEYS[event.key]);
    } else {
      return;
    }
    event.preventDefault();
  });

  document.addEventListener("click", (event) => {
    const highlight = event.target.closest(".hl[data-claim]");
    if (highlight) {
      const card = document.getElementById(`claim-${highlight.dataset.claim}`);
      if (card) {
        event.preventDefault();
        setCurrent(card);
      }
    }
    const card = event.target.closest("#claims .claim[data-claim]");
    if (card && !highlight) setCurrent(card, { scroll: false });
    if (event.target.closest("[data-shortcuts]")) document.getElementById("shortcuts")?.showModal();
    if (event.target.closest("[data-close-panel]")) document.getElementById("panel").innerHTML = "";
  });

  // Hovering a card points at its passage in the text, and the other way round.
  document.addEventListener("mouseover", (event) => {
    const card = event.target.closest("#claims .claim[data-claim]");
    document.querySelectorAll(".hl.hover").forEach((el) => el.classList.remove("hover"));
    if (card) highlightsOf(card.dataset.claim).forEach((hl) => hl.classList.add("hover"));
  });

  // A swapped card carries the claim's new status: repaint its highlights and keep it current.
  function syncCard(card) {
    if (!card || !card.dataset || !card.dataset.claim) return;
    highlightsOf(card.dataset.claim).forEach((hl) => {
      hl.classList.remove("st-candidate", "st-confirmed", "st-rejected");
      hl.classList.add(`st-${card.dataset.status}`);
      if (card.dataset.reading) hl.dataset.reading = card.dataset.reading;
    });
    if (card.dataset.claim === currentId) {
      card.classList.add("current");
      if (!card.contains(document.activeElement) || document.activeElement === document.body) {
        const field = card.querySelector("input:not([type=hidden]), select, textarea");
        (card.tagName === "FORM" && field ? field : card).focus({ preventScroll: true });
      }
    }
  }
  document.body.addEventListener("htmx:afterSwap", (event) => syncCard(event.detail.elt.closest?.(".claim") || document.getElementById(event.detail.target.id)));
  document.body.addEventListener("htmx:oobAfterSwap", (event) => {
    const target = event.detail.target;
    if (target.id === "toast") showToast();
    else syncCard(target);
  });
  document.body.addEventListener("claim-changed", (event) => {
    const id = event.detail.value;
    if (document.getElementById(`claim-${id}`)) {
      htmx.ajax("GET", `/claims/${id}/`, { target: `#claim-${id}`, swap: "outerHTML" });
    }
  });
  document.body.addEventListener("htmx:afterSettle", (event) => {
    const panel = document.getElementById("panel");
    if (panel && event.detail.target === panel) panel.querySelector("input[type=search]")?.focus();
  });

  function showToast() {
    clearTimeout(showToast.timer);
    showToast.timer = setTimeout(() => {
      const toast = document.getElementById("toast");
      if (toast) toast.hidden = true;
    }, 5000);
  }

  // Selecting a passage of the text offers to add it as a claim. Offsets count code points, as Python does.
  function selectionOffsets(container) {
    const selection = window.getSelection();
    if (!selection || selection.isCollapsed || !selection.rangeCount) return null;
    const range = selection.getRangeAt(0);
    if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return null;
    const before = document.createRange();
    before.selectNodeContents(container);
    before.setEnd(range.startContainer, range.startOffset);
    const start = Array.from(before.toString()).length;
    const text = range.toString();
    const end = start + Array.from(text).length;
    return text.trim() ? { start, end, text } : null;
  }

  document.addEventListener("mouseup", () => {
    const article = document.getElementById("article-text");
    const form = document.getElementById("claim-create-form");
    if (!article || !form) return;
    const picked = selectionOffsets(article);
    if (!picked) return;
    form.querySelector("[name=start]").value = picked.start;
    form.querySelector("[name=end]").value = picked.end;
    const preview = form.querySelector("[data-selection-preview]");
    if (preview) preview.textContent = `Selected: “${picked.text}” (characters ${picked.start}–${picked.end})`;
    const quote = form.querySelector("[name=quote]");
    if (quote && !quote.value) quote.value = picked.text;
    const details = document.getElementById("add-claim");
    details.open = true;
  });

  // Bar widths come as data attributes: a style attribute in the markup would break the Content-Security-Policy
  // (styles set from a script are allowed).
  document.querySelectorAll("[data-share]").forEach((segment) => {
    segment.style.width = `${segment.dataset.share}%`;
  });
})();
