"""The workspace's side panel and queue tools through AppTest: sentiment trend, customer tab with orders,
knowledge-base search with "Insert link", queue filters, search and SLA timers."""

from __future__ import annotations

import json

from components.composer import composer_key
from services import conversations, inbox
from tests.app.test_workspace_flows import workspace
from tests.repos import repos

SHOWN = 12  # queue cards drawn (pages/agent_workspace.py QUEUE_SHOWN)


def cards(at) -> list[str]:
    return [h.proto.body for h in at.get("html") if 'class="fl-card' in h.proto.body]


def test_defect_13_10_sentiment_trend_counts_whole_turns(app_services, agent):
    customer = repos(app_services).customers.all()[5]
    conversation, _, _ = inbox.start_conversation(app_services, customer.id, "chat", "Trend", "hello there", "agent")
    for text in ("this is not great", "thanks, that is perfect"):
        inbox.receive_customer_message(app_services, conversation.id, text)
    at = workspace(agent, conversation.id)
    assert not at.exception
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    xaxis = spec["layout"]["xaxis"]
    assert (xaxis["dtick"], xaxis["tickformat"]) == (1, "d")
    assert xaxis["tick0"] == 1


def test_defect_13_10_orders_are_reachable_in_the_customer_tab(app_services, agent):
    first = conversations.agent_queue(app_services, agent)[0].row.conversation.id
    view = conversations.open_conversation(app_services, agent, first, audit=False)
    assert view.orders
    at = workspace(agent, first)
    customer_tab = next(t for t in at.tabs if t.label == "Customer")
    orders = customer_tab.dataframe[0].value
    assert list(orders["order"]) == [o.number for o in view.orders]


def test_kb_search_opens_approved_articles_and_inserts_a_link_into_the_reply(app_services, agent):
    first = conversations.agent_queue(app_services, agent)[0].row.conversation.id
    at = workspace(agent, first)
    at.text_input(key="kb-query").input("return a damaged item").run()
    assert not at.exception
    links = [b for b in at.button if (b.key or "").startswith("kb-link-")]
    assert links, "approved articles answer the query"
    article_id = int(links[0].key.removeprefix("kb-link-"))
    assert repos(app_services).articles.get(article_id).status == "approved"
    links[0].click()
    at = at.run()
    slug = repos(app_services).articles.get(article_id).slug
    assert at.text_area(key=composer_key(first)).value.endswith(f"/{slug}")


def test_queue_filters_and_search_narrow_the_queue(app_services, agent):
    queue = conversations.agent_queue(app_services, agent)
    at = workspace(agent, None)
    at.multiselect(key="queue-channels").set_value(["email"]).run()
    shown = [b.key for b in at.button if (b.key or "").startswith("queue-")]
    emails = [f"queue-{i.row.conversation.id}" for i in queue if i.row.conversation.channel == "email"]
    assert shown == emails[:SHOWN] != []
    subject = next(i.row.conversation.subject for i in queue if i.row.conversation.channel == "email")
    at.text_input(key="queue-search").input(subject).run()
    assert 1 <= len([b for b in at.button if (b.key or "").startswith("queue-")]) <= len(emails)
    assert any("of" in m.value and "open" in m.value for m in at.markdown)


def test_each_waiting_customer_shows_an_sla_timer_from_the_channel_target(app_services, agent):
    queue = conversations.agent_queue(app_services, agent)
    at = workspace(agent, None)
    waiting = [i for i in queue[:SHOWN] if i.customer_waiting]
    assert waiting
    shown = cards(at)
    for item, card in zip(queue[:SHOWN], shown, strict=True):
        assert ("SLA" in card) == item.customer_waiting


def test_defect_15_drawing_the_workspace_analyses_nothing_and_retry_is_the_agents_action(app_services, agent):
    """The page used to analyse an unanalysed message while drawing (two tabs: two analyses of one message)."""
    from services.models import Message

    customer = repos(app_services).customers.all()[7]
    conversation, _, _ = inbox.start_conversation(app_services, customer.id, "chat", "Retry", "hello", "agent")
    text = "where is my order? it is late"
    stored = repos(app_services).conversations.append_message(Message(0, conversation.id, "customer", "", text, text, ""))
    at = workspace(agent, conversation.id)
    assert not at.exception
    assert repos(app_services).assist.get_analysis(stored.id) is None  # drawing analysed nothing
    assert any("not analysed yet" in c.value for c in at.caption)
    at.button(key="retry-analysis").click()
    at = at.run()
    assert not at.exception
    assert repos(app_services).assist.get_analysis(stored.id) is not None
    assert not [b for b in at.button if b.key == "retry-analysis"]
    assert [b for b in at.button if (b.key or "").startswith("insert-")]  # its suggestions are shown


def test_a_follow_up_shows_the_conversations_request_and_says_so(app_services, agent):
    customer = repos(app_services).customers.all()[6]
    conversation, _, _ = inbox.start_conversation(app_services, customer.id, "chat", "Camera", "How do I reset the "
                                                  "HaloCam Outdoor Camera? the app can't find it", "agent")
    inbox.receive_customer_message(app_services, conversation.id, "tried that, no change 😬")
    at = workspace(agent, conversation.id)
    assert not at.exception
    headline = next(m.value for m in at.markdown if ":blue-badge[" in m.value)
    assert headline.startswith(":blue-badge[Technical Support · ") and "with earlier messages" in headline
