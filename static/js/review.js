// The review desk's keyboard, selection and span behaviour. Every action it triggers is a real button,
// link or form of the page, so everything here also works by mouse, and the forms work without JavaScript.
(function () {
  "use strict";

  const KEYS = { c: "c", r: "r", e: "e", l: "l" };
  let currentId = null;
  let lastPicked = null;
  // Cards decided but not yet swapped back: moving on skips them.
  const deciding = new Set();

  const cards = () => Array.from(document.querySelectorAll("#claims .claim[data-claim]"));
  const highlightsOf = (id) => document.querySelectorAll(`.hl[data-claim="${id}"]`);
  const cardOf = (id) => (id ? document.getElementById(`claim-${id}`) : null);

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
    placeHandles();
    showContext(currentId);
  }

  function move(step) {
    const all = cards();
    if (!all.length) return;
    const index = all.findIndex((card) => card.dataset.claim === currentId);
    const next = index === -1 ? (step > 0 ? 0 : all.length - 1) : Math.min(Math.max(index + step, 0), all.length - 1);
    setCurrent(all[next]);
  }

  // After a decision, the next claim still to decide: below the decided one, else the first above it.
  function moveToNextUndecided(fromId) {
    const all = cards();
    const index = all.findIndex((card) => card.dataset.claim === fromId);
    const open = (card) => card.dataset.status === "candidate" && !deciding.has(card.dataset.claim);
    const next = all.slice(index + 1).find(open) || all.slice(0, Math.max(index, 0)).find(open);
    if (next) setCurrent(next);
  }

  function press(key) {
    const card = cardOf(currentId) || (move(1), cardOf(currentId));
    const control = card && card.querySelector(`[data-key="${key}"]`);
    if (control) control.click();
  }

  function typing(target) {
    return target.closest("input, textarea, select, [contenteditable=true], dialog[open] form") !== null;
  }

  // Multi-select: the cards' checkboxes belong to the bulk form; shift-click picks a range.
  function picks() {
    return Array.from(document.querySelectorAll("#claims .claim .pick"));
  }
  function countPicked() {
    const shown = document.querySelector("[data-picked]");
    if (shown) shown.textContent = picks().filter((box) => box.checked).length;
  }
  function pickWhere(test) {
    picks().forEach((box) => {
      box.checked = test(box.closest(".claim"));
    });
    countPicked();
  }
  function pickLikeCurrent() {
    const card = cardOf(currentId);
    if (!card) return;
    const { kind, article } = card.dataset;
    pickWhere((other) => other.dataset.kind === kind && other.dataset.article === article && other.dataset.status === "candidate");
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
    } else if (event.key === "x") {
      const box = cardOf(currentId)?.querySelector(".pick");
      if (box) {
        box.checked = !box.checked;
        countPicked();
      }
    } else if (event.key === "a") {
      pickLikeCurrent();
    } else if (event.key === "s") {
      if (!moveSpanToSelection()) return;
    } else if (KEYS[event.key]) {
      press(KEYS[event.key]);
    } else {
      return;
    }
    event.preventDefault();
  });

  document.addEventListener("click", (event) => {
    const highlight = event.target.closest(".hl[data-claim]");
    if (highlight && !event.target.closest(".span-handle")) {
      const card = cardOf(highlight.dataset.claim);
      if (card) {
        event.preventDefault();
        setCurrent(card);
      }
    }
    const box = event.target.closest(".claim .pick");
    if (box) {
      const all = picks();
      if (event.shiftKey && lastPicked && all.includes(lastPicked)) {
        const [from, to] = [all.indexOf(lastPicked), all.indexOf(box)].sort((a, b) => a - b);
        all.slice(from, to + 1).forEach((other) => (other.checked = box.checked));
      }
      lastPicked = box;
      countPicked();
    }
    const card = event.target.closest("#claims .claim[data-claim]");
    if (card && !highlight) setCurrent(card, { scroll: false });
    const decision = event.target.closest(".claim [data-decision]");
    if (decision && card) {
      deciding.add(card.dataset.claim);
      moveToNextUndecided(card.dataset.claim);
    }
    const kind = event.target.closest("[data-pick-kind]");
    if (kind) pickWhere((other) => other.dataset.kind === kind.dataset.pickKind && other.dataset.status === "candidate");
    if (event.target.closest("[data-pick-like-current]")) pickLikeCurrent();
    if (event.target.closest("[data-pick-none]")) pickWhere(() => false);
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
    deciding.delete(card.dataset.claim);
    highlightsOf(card.dataset.claim).forEach((hl) => {
      hl.classList.remove("st-candidate", "st-confirmed", "st-rejected");
      hl.classList.add(`st-${card.dataset.status}`);
      if (card.dataset.reading) hl.dataset.reading = card.dataset.reading;
    });
    if (card.dataset.claim === currentId) {
      card.classList.add("current");
      if (!card.contains(document.activeElement) || document.activeElement === document.body) {
        const field = card.querySelector("input:not([type=hidden]):not(.pick), select, textarea");
        (card.tagName === "FORM" && field ? field : card).focus({ preventScroll: true });
      }
    }
    countPicked();
  }
  document.body.addEventListener("htmx:afterSwap", (event) => syncCard(event.detail.elt.closest?.(".claim") || document.getElementById(event.detail.target.id)));
  document.body.addEventListener("htmx:oobAfterSwap", (event) => {
    const target = event.detail.target;
    if (target.id === "toast") showToast();
    else syncCard(target);
  });
  document.body.addEventListener("claim-changed", (event) => {
    const id = event.detail.value;
    if (cardOf(id)) htmx.ajax("GET", `/claims/${id}/`, { target: `#claim-${id}`, swap: "outerHTML" });
  });
  document.body.addEventListener("htmx:afterSettle", (event) => {
    const panel = document.getElementById("panel");
    if (panel && event.detail.target === panel) panel.querySelector("input[type=search]")?.focus();
  });

  function showToast() {
    const toast = document.getElementById("toast");
    if (toast) toast.hidden = false;
    clearTimeout(showToast.timer);
    showToast.timer = setTimeout(() => {
      const shown = document.getElementById("toast");
      if (shown) shown.hidden = true;
    }, 5000);
  }

  // The queue's right column: the selected claim in its article, fetched when the selection rests.
  function showContext(id) {
    const context = document.getElementById("context");
    if (!context || !context.dataset.contextUrl) return;
    clearTimeout(showContext.timer);
    showContext.timer = setTimeout(() => {
      htmx.ajax("GET", context.dataset.contextUrl.replace("/0/", `/${id}/`), { target: "#context", swap: "innerHTML" });
    }, 150);
  }

  // Offsets count code points, as Python does.
  function offsetOf(container, node, offset) {
    const before = document.createRange();
    before.selectNodeContents(container);
    before.setEnd(node, offset);
    return Array.from(before.toString()).length;
  }

  function selectionOffsets(container) {
    const selection = window.getSelection();
    if (!selection || selection.isCollapsed || !selection.rangeCount) return null;
    const range = selection.getRangeAt(0);
    if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return null;
    const start = offsetOf(container, range.startContainer, range.startOffset);
    const text = range.toString();
    const end = start + Array.from(text).length;
    return text.trim() ? { start, end, text } : null;
  }

  // The text node and offset at a code-point offset of the container, to draw a selection.
  function pointAt(container, target) {
    const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
    let seen = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const points = Array.from(node.textContent);
      if (seen + points.length >= target) return [node, points.slice(0, target - seen).join("").length];
      seen += points.length;
    }
    return [container, container.childNodes.length];
  }

  // Spans by hand: a new selection and `s`, or the handles at either end of the current claim's highlight.
  function moveSpan(card, start, end) {
    const article = document.getElementById("article-text");
    if (!article || !article.dataset.spanUrl || !card || start >= end) return;
    history.replaceState(null, "", `#claim-${card.dataset.claim}`); // the page reloads on this claim
    htmx.ajax("POST", article.dataset.spanUrl.replace("/0/", `/${card.dataset.claim}/`), {
      source: card,
      target: `#claim-${card.dataset.claim}`,
      swap: "outerHTML",
      values: { start, end, version: card.dataset.version },
    });
  }

  function moveSpanToSelection() {
    const article = document.getElementById("article-text");
    const card = cardOf(currentId);
    const picked = article && selectionOffsets(article);
    if (!picked || !card) return false;
    moveSpan(card, picked.start, picked.end);
    return true;
  }

  function placeHandles() {
    document.querySelectorAll(".span-handle").forEach((handle) => handle.remove());
    const article = document.getElementById("article-text");
    const card = cardOf(currentId);
    const marks = Array.from(highlightsOf(currentId));
    if (!article || !article.dataset.spanUrl || !card || !marks.length) return;
    [
      ["start", marks[0], "prepend"],
      ["end", marks[marks.length - 1], "append"],
    ].forEach(([edge, mark, where]) => {
      const handle = document.createElement("span");
      handle.className = `span-handle ${edge}`;
      handle.dataset.edge = edge;
      handle.title = `Drag to move the ${edge} of this claim`;
      mark[where](handle);
    });
  }

  let drag = null;
  document.addEventListener("mousedown", (event) => {
    const handle = event.target.closest(".span-handle");
    const card = cardOf(currentId);
    if (!handle || !card) return;
    event.preventDefault();
    drag = { edge: handle.dataset.edge, start: Number(card.dataset.start), end: Number(card.dataset.end), card };
  });
  document.addEventListener("mousemove", (event) => {
    if (!drag) return;
    const article = document.getElementById("article-text");
    const caret = document.caretRangeFromPoint?.(event.clientX, event.clientY);
    if (!caret || !article.contains(caret.startContainer)) return;
    const offset = offsetOf(article, caret.startContainer, caret.startOffset);
    if (drag.edge === "start") drag.start = Math.min(offset, drag.end - 1);
    else drag.end = Math.max(offset, drag.start + 1);
    const [startNode, startOffset] = pointAt(article, drag.start);
    const [endNode, endOffset] = pointAt(article, drag.end);
    window.getSelection().setBaseAndExtent(startNode, startOffset, endNode, endOffset);
  });
  document.addEventListener("mouseup", (event) => {
    if (drag) {
      const { card, start, end } = drag;
      drag = null;
      if (start !== Number(card.dataset.start) || end !== Number(card.dataset.end)) moveSpan(card, start, end);
      return;
    }
    offerNewClaim(event);
  });

  // Selecting a passage of the text offers to add it as a claim: the span at once, then the reading the
  // extractor's rules suggest for the words, unless the reviewer has started filling the form meanwhile.
  function offerNewClaim() {
    const article = document.getElementById("article-text");
    const form = document.getElementById("claim-create-form");
    if (!article || !form) return;
    const picked = selectionOffsets(article);
    if (!picked) return;
    form.querySelector("[name=start]").value = picked.start;
    form.querySelector("[name=end]").value = picked.end;
    const preview = form.querySelector("[data-selection-preview]");
    if (preview) preview.textContent = `Selected: “${picked.text}” (characters ${picked.start}–${picked.end})`;
    document.getElementById("add-claim").open = true;
    const asked = (offerNewClaim.asked = `${picked.start}-${picked.end}`);
    form.dataset.untouched = "true";
    fetch(`${form.getAttribute("action")}?start=${picked.start}&end=${picked.end}`, { headers: { "HX-Request": "true" } })
      .then((response) => (response.ok ? response.text() : null))
      .then((html) => {
        const current = document.getElementById("claim-create-form");
        if (!html || !current || current.dataset.untouched !== "true" || offerNewClaim.asked !== asked) return;
        current.outerHTML = html;
        htmx.process(document.getElementById("claim-create-form"));
      });
  }
  document.addEventListener("input", (event) => {
    const form = event.target.closest("#claim-create-form");
    if (form) delete form.dataset.untouched;
  });

  // The add-claim form shows the fields of the chosen kind only.
  function showKindFields(form) {
    const kind = form.querySelector("[name=kind]")?.value;
    form.querySelectorAll("[data-kinds]").forEach((field) => {
      field.hidden = !field.dataset.kinds.split(" ").includes(kind);
    });
  }
  document.addEventListener("change", (event) => {
    const form = event.target.closest("#claim-create-form");
    if (form) delete form.dataset.untouched;
    if (form && event.target.name === "kind") showKindFields(form);
  });

  // Back on the page after a span move (or a link to a claim): that claim is the current one.
  document.addEventListener("DOMContentLoaded", () => {
    const target = location.hash.startsWith("#claim-") ? document.querySelector(location.hash) : null;
    if (target && target.matches(".claim")) setCurrent(target);
  });

  // Bar widths come as data attributes: a style attribute in the markup would break the Content-Security-Policy
  // (styles set from a script are allowed).
  document.querySelectorAll("[data-share]").forEach((segment) => {
    segment.style.width = `${segment.dataset.share}%`;
  });
})();
