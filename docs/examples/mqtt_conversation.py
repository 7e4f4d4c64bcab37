"""eve, on MQTT alone (no REST): replies to and reacts to the next message another MQTT client says, then edits her
own reply, learning every id and seq from the room's stored topic and refusals from her feedback topic
(docs/protocol.md#the-stored-topic-topicstored).

usage: python3 mqtt_conversation.py chat/rooms/ID [broker-host] [broker-port]
needs paho-mqtt (1.x or 2.x) and cryptography (apt-get install python3-paho-mqtt python3-cryptography)
"""
import base64, hashlib, json, sys, threading, uuid
import paho.mqtt.client as mqtt
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

if len(sys.argv) < 2:
    sys.exit(__doc__)
topic, host, port = sys.argv[1:4] + [None, "127.0.0.1", "1883"][len(sys.argv) - 1:]
room, client_id, name = topic.rsplit("/", 1)[1], "eve-py", "eve"
b64 = lambda raw: base64.urlsafe_b64encode(raw).rstrip(b"=").decode()
key = Ed25519PrivateKey.generate()
author = b64(key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw))
FIELDS = ("clientMsgId", "username", "type", "target", "text", "replyTo", "emoji", "attachments")

def signed(body):                                       # netstrings of the signed fields, then Ed25519
    body = {"username": name, "clientId": client_id, **body}   # clientId is not signed: it names our feedback topic
    values = ["mqtt-chat/1", room] + [body.get(f, "message" if f == "type" else "") for f in FIELDS]
    data = b"".join(b"%d:%s," % (len(v.encode()), v.encode()) for v in values)
    return json.dumps({**body, "author": author, "sig": b64(key.sign(data))})

def entry_id(client_msg_id):                            # a signed entry's id: UUID v3 (MD5, no namespace)
    digest = hashlib.md5(f"chat-entry\n{room}\n{author}\n{client_msg_id}".encode()).digest()
    return str(uuid.UUID(bytes=digest, version=3))

reply_id, state, done = entry_id("r-1"), {}, threading.Event()

def on_message(client, userdata, msg):
    entry = json.loads(msg.payload)
    if msg.topic.endswith(f"/feedback/{client_id}"):    # why something of ours was not stored
        print("refused", entry["reason"], entry.get("clientMsgId"), flush=True)
        state["refused"] = True
    elif entry.get("type", "message") == "message" and entry.get("source") == "mqtt" and entry.get("author") != author:
        if "heard" not in state:                        # another MQTT client spoke: reply, react, try to edit it
            state["heard"] = entry["id"]
            print("heard", entry["seq"], entry["id"], entry.get("username"), entry.get("text"), flush=True)
            client.publish(topic, signed({"clientMsgId": "r-1", "text": "noon works", "replyTo": entry["id"]}), qos=1)
            client.publish(topic, signed({"clientMsgId": "r-2", "type": "reaction", "target": entry["id"],
                                          "emoji": "👍"}), qos=1)
            client.publish(topic, signed({"clientMsgId": "r-3", "type": "edit", "target": entry["id"],
                                          "text": "not mine to edit"}), qos=1)   # refused: not-your-message
    elif entry["id"] == reply_id:                       # our reply, stored: edit it
        print("stored", entry["seq"], entry["id"], entry["text"], flush=True)
        client.publish(topic, signed({"clientMsgId": "r-4", "type": "edit", "target": reply_id,
                                      "text": "noon works, see you there"}), qos=1)
    elif entry["id"] == entry_id("r-4"):
        print("edited", entry["seq"], entry["target"], entry["text"], flush=True)
        state["edited"] = True
    if state.get("refused") and state.get("edited"):
        done.set()

def on_connect(client, *args):
    client.subscribe([(f"{topic}/stored", 1), (f"{topic}/feedback/{client_id}", 1)])

version = [mqtt.CallbackAPIVersion.VERSION2] if hasattr(mqtt, "CallbackAPIVersion") else []   # paho 2.x / 1.x
client = mqtt.Client(*version, client_id=client_id)
client.on_connect, client.on_message = on_connect, on_message
client.on_subscribe = lambda *_: print("ready", flush=True)
client.connect(host, int(port))
client.loop_start()
finished = done.wait(30)
client.disconnect()
client.loop_stop()
sys.exit(0 if finished else "gave up after 30 s")
