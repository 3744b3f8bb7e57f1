// Presence: tells the article page's heartbeat which claim this reviewer is on, so colleagues see it.
// The claim is the card or highlight last focused or clicked; a change is sent after a short pause.
(function () {
  "use strict";
  let current = "";

  function claimOf(element) {
    const holder = element.closest("[data-claim]");
    const claim = holder ? holder.getAttribute("data-claim") : "";
    return /^\d+$/.test(claim || "") ? claim : "";
  }

  function note(event) {
    const field = document.getElementById("presence-claim");
    if (!field || !(event.target instanceof Element)) return;
    const claim = claimOf(event.target);
    if (!claim || claim === current) return;
    current = claim;
    field.value = claim;
    document.body.dispatchEvent(new CustomEvent("presence-claim"));
  }

  // Each colleague's claim gets a mark on its card, from the notices the heartbeat or the queue's poll brought.
  function markCards() {
    document.querySelectorAll(".presence-mark").forEach((mark) => mark.remove());
    document.querySelectorAll("[data-on-claim]").forEach((notice) => {
      const claim = notice.getAttribute("data-on-claim");
      const card = /^\d+$/.test(claim || "") ? document.getElementById("claim-" + claim) : null;
      if (!card) return;
      const mark = document.createElement("p");
      mark.className = "presence-mark";
      mark.textContent = notice.getAttribute("data-user") + " has this claim open";
      card.prepend(mark);
    });
  }

  document.addEventListener("focusin", note);
  document.addEventListener("click", note);
  document.addEventListener("htmx:afterSettle", markCards);
})();
