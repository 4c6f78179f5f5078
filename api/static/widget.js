/* Frontline web chat widget: one script tag, no dependencies, nothing from another host.
 *
 *   <script src="http://FRONTLINE-API/widget.js" data-site="SITE" defer></script>
 *
 * A shop whose customer is signed in adds data-customer-email, data-customer-name and data-customer-signature (hex
 * HMAC-SHA256 of the lower-cased e-mail under the site's identity secret, computed on the shop's server): the chat is
 * then that customer's own, and the assistant may answer from their orders.
 *
 * SITE is an API key created with `python -m services api-key create SITE --widget`. The visitor's token and the chat
 * live in this browser (localStorage); replies arrive over server-sent events (/widget/v1/stream). Every text is put
 * on the page with textContent, never as HTML. docs/api.md, "Web chat widget".
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.getAttribute("data-site")) { return; }
  var site = script.getAttribute("data-site");
  var base = new URL(script.src, document.baseURI).origin;
  var customerEmail = script.getAttribute("data-customer-email") || "";
  var customerName = script.getAttribute("data-customer-name") || "";
  var customerSignature = script.getAttribute("data-customer-signature") || "";
  var storeKey = "frontline-chat:" + base + ":" + site + (customerEmail ? ":" + customerEmail.toLowerCase() : "");
  var state = load();
  var shown = {};
  var source = null;

  function load() {
    try { return JSON.parse(window.localStorage.getItem(storeKey)) || null; } catch (e) { return null; }
  }
  function save() {
    try { window.localStorage.setItem(storeKey, JSON.stringify(state)); } catch (e) { /* private mode: this page only */ }
  }
  function uuid() {
    if (window.crypto && window.crypto.randomUUID) { return window.crypto.randomUUID(); }
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  var host = document.createElement("div");
  host.setAttribute("data-frontline-chat", site);
  document.body.appendChild(host);
  var root = host.attachShadow({ mode: "open" });
  var style = document.createElement("style");
  style.textContent = [
    ":host{all:initial;font-family:system-ui,sans-serif;font-size:15px}",
    ".open{position:fixed;right:20px;bottom:20px;border:0;border-radius:24px;padding:12px 18px;background:#1f5fbf;",
    "color:#fff;font-size:15px;cursor:pointer;box-shadow:0 2px 8px rgba(0,0,0,.25)}",
    ".panel{position:fixed;right:20px;bottom:76px;width:340px;max-width:calc(100vw - 40px);height:460px;",
    "max-height:calc(100vh - 100px);display:flex;flex-direction:column;background:#fff;color:#222;",
    "border:1px solid #ccd;border-radius:12px;box-shadow:0 4px 18px rgba(0,0,0,.2);overflow:hidden}",
    ".panel[hidden]{display:none}",
    "header{padding:10px 14px;background:#1f5fbf;color:#fff;font-weight:600}",
    "ol{list-style:none;margin:0;padding:10px;flex:1;overflow-y:auto}",
    "li{margin:6px 0;padding:8px 10px;border-radius:10px;max-width:85%;white-space:pre-wrap;word-wrap:break-word}",
    "li.customer{background:#e6efff;margin-left:auto}",
    "li.agent,li.assistant{background:#f1f1f1}",
    "li .who{display:block;font-size:12px;color:#555;margin-bottom:2px}",
    "li.pending{opacity:.6}",
    "form{display:flex;border-top:1px solid #dde}",
    "textarea{flex:1;border:0;padding:10px;font:inherit;resize:none;height:44px}",
    "button.send{border:0;background:#1f5fbf;color:#fff;padding:0 16px;font:inherit;cursor:pointer}",
    ".status{font-size:12px;color:#a33;padding:0 10px}",
    ".rate{display:block;margin-top:4px}",
    ".rate button{border:1px solid #ccd;background:#fff;border-radius:10px;padding:0 8px;margin-right:4px;",
    "cursor:pointer;font:inherit;font-size:13px}",
    ".rate button[aria-pressed=true]{background:#1f5fbf;color:#fff;border-color:#1f5fbf}"
  ].join("");
  root.appendChild(style);

  var opener = element("button", "open", "Chat with us");
  opener.type = "button";
  opener.setAttribute("aria-expanded", "false");
  var panel = element("section", "panel");
  panel.hidden = true;
  panel.setAttribute("aria-label", "Chat");
  panel.appendChild(element("header", "", "Chat with us"));
  var log = element("ol", "log");
  log.setAttribute("aria-live", "polite");
  panel.appendChild(log);
  var status = element("div", "status");
  status.setAttribute("role", "status");
  panel.appendChild(status);
  var form = element("form");
  var input = element("textarea");
  input.setAttribute("aria-label", "Your message");
  input.placeholder = "Write a message…";
  input.maxLength = 2000;
  var send = element("button", "send", "Send");
  send.type = "submit";
  form.appendChild(input);
  form.appendChild(send);
  panel.appendChild(form);
  root.appendChild(panel);
  root.appendChild(opener);

  function element(tag, className, text) {
    var made = document.createElement(tag);
    if (className) { made.className = className; }
    if (text) { made.textContent = text; }
    return made;
  }

  function show(message, pending) {
    if (message.id && shown[message.id]) { return shown[message.id]; }
    var item = element("li", message.role + (pending ? " pending" : ""));
    if (message.role !== "customer") {
      item.appendChild(element("span", "who", message.role === "agent" ? "Agent" : "Assistant"));
    }
    item.appendChild(document.createTextNode(message.text));
    if (message.role === "assistant" && message.rateable && message.id) { rating(item, message); }
    log.appendChild(item);
    log.scrollTop = log.scrollHeight;
    if (message.id) { shown[message.id] = item; }
    return item;
  }

  /* Thumbs up / down under each of the assistant's answers: one rating per answer, a click on the other changes it. */
  function rating(item, message) {
    var row = element("span", "rate");
    var buttons = {};
    [["up", "\uD83D\uDC4D", "Helpful"], ["down", "\uD83D\uDC4E", "Not helpful"]].forEach(function (choice) {
      var button = element("button", "", choice[1]);
      button.type = "button";
      button.setAttribute("aria-label", choice[2]);
      button.setAttribute("aria-pressed", String(message.rating === choice[0]));
      button.setAttribute("data-rating", choice[0]);
      button.addEventListener("click", function () {
        request("POST", "/widget/v1/ratings", { message_id: message.id, rating: choice[0] },
                { "Authorization": "Bearer " + state.token }).then(function (rated) {
          Object.keys(buttons).forEach(function (name) {
            buttons[name].setAttribute("aria-pressed", String(name === rated.rating));
          });
          status.textContent = "";
        }).catch(function (error) { status.textContent = "Rating not saved: " + error.message; });
      });
      buttons[choice[0]] = button;
      row.appendChild(button);
    });
    item.appendChild(row);
  }

  function request(method, path, body, headers) {
    return fetch(base + path, {
      method: method, mode: "cors", credentials: "omit",
      headers: Object.assign({ "Content-Type": "application/json" }, headers || {}),
      body: body === undefined ? undefined : JSON.stringify(body)
    }).then(function (response) {
      return response.json().then(function (json) {
        if (!response.ok) {
          var error = new Error((json.error && json.error.message) || ("HTTP " + response.status));
          error.status = response.status;
          throw error;
        }
        return json;
      });
    });
  }

  function visitor() {
    if (state && state.token) { return Promise.resolve(state); }
    var start = { site: site };
    if (customerEmail && customerSignature) {
      start.customer = { email: customerEmail, name: customerName };
      start.signature = customerSignature;
    }
    return request("POST", "/widget/v1/visitors", start).then(function (made) {
      state = { token: made.token, cursor: 0 };
      save();
      return state;
    });
  }

  function connect() {
    if (source || !state || !state.token) { return; }
    source = new EventSource(base + "/widget/v1/stream?since=0&token=" + encodeURIComponent(state.token));
    source.addEventListener("message", function (event) {
      var message = JSON.parse(event.data);
      var item = shown[message.id] || (message.role === "customer" ? adopt(message) : null);
      if (item) { item.classList.remove("pending"); } else { show(message); }
      state.cursor = Math.max(state.cursor || 0, message.id);
      save();
      status.textContent = "";
    });
    source.onerror = function () { status.textContent = "Reconnecting…"; };
  }

  /* The customer's own message can come back on the stream before its POST has answered (the server stores it, then
     runs the assistant before it replies): the line already shown as pending with that text is that message. */
  var pending = [];
  function adopt(message) {
    for (var i = 0; i < pending.length; i++) {
      if (pending[i].text === message.text) {
        var item = pending.splice(i, 1)[0].item;
        shown[message.id] = item;
        return item;
      }
    }
    return null;
  }

  function post(text, key, item, attempt) {
    return visitor().then(function (me) {
      return request("POST", "/widget/v1/messages", { text: text }, {
        "Authorization": "Bearer " + me.token, "Idempotency-Key": key
      });
    }).then(function (posted) {
      pending = pending.filter(function (entry) { return entry.item !== item; });
      var streamed = shown[posted.message_id];
      if (streamed && streamed !== item) { item.remove(); } else { shown[posted.message_id] = item; }
      item.classList.remove("pending");
      status.textContent = "";
      connect();
    }).catch(function (error) {
      var retry = !error.status || error.status >= 500 || error.status === 409 || error.status === 429;
      if (error.status === 401) { state = null; save(); retry = attempt < 1; }
      if (retry && attempt < 4) {  /* the same Idempotency-Key: a retry never makes a second message */
        status.textContent = "Sending again…";
        return new Promise(function (done) { setTimeout(done, 500 * (attempt + 1)); })
          .then(function () { return post(text, key, item, attempt + 1); });
      }
      status.textContent = "Not sent: " + error.message;
    });
  }

  opener.addEventListener("click", function () {
    panel.hidden = !panel.hidden;
    opener.setAttribute("aria-expanded", String(!panel.hidden));
    if (!panel.hidden) { input.focus(); }
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value.trim();
    if (!text) { return; }
    input.value = "";
    var item = show({ role: "customer", text: text }, true);
    pending.push({ text: text, item: item });
    post(text, uuid(), item, 0);
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); form.requestSubmit(); }
  });
  if (state && state.token) { connect(); }
}());
