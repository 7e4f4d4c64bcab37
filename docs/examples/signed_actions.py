"""eve, a plain MQTT client, signs a message, edits it, reacts to it and deletes it (docs/protocol.md#author-keys).

usage: python3 signed_actions.py chat/rooms/ID [broker-host] [broker-port] [gateway-url]
needs paho-mqtt (1.x or 2.x) and cryptography (apt-get install python3-paho-mqtt python3-cryptography)
"""
import base64, json, sys, threading, time, urllib.request
import paho.mqtt.client as mqtt
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

if len(sys.argv) < 2:
    sys.exit(__doc__)
topic, host, port, gateway = sys.argv[1:] + [None, "127.0.0.1", "1883", "http://127.0.0.1:8080"][len(sys.argv) - 1:]
room = topic.rsplit("/", 1)[1]
b64 = lambda raw: base64.urlsafe_b64encode(raw).rstrip(b"=").decode()
key = Ed25519PrivateKey.generate()                      # keep it (e.g. in a file) to edit later from another run
author = b64(key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw))
FIELDS = ("clientMsgId", "username", "type", "target", "text", "replyTo", "emoji", "attachments")

def signed(body):                                       # netstrings of the signed fields, then Ed25519
    values = ["mqtt-chat/1", room] + [body.get(f, "message" if f == "type" else "") for f in FIELDS]
    values = [",".join(v) if isinstance(v, list) else v for v in values]    # attachments: ids, by commas
    data = b"".join(b"%d:%s," % (len(v.encode()), v.encode()) for v in values)
    return json.dumps({**body, "author": author, "sig": b64(key.sign(data))})

version = [mqtt.CallbackAPIVersion.VERSION2] if hasattr(mqtt, "CallbackAPIVersion") else []   # paho 2.x / 1.x
client = mqtt.Client(*version, client_id="eve-signed")
ready = threading.Event()
client.on_connect = lambda *_: ready.set()
client.connect(host, int(port))
client.loop_start()
ready.wait(10)
history = lambda: json.load(urllib.request.urlopen(f"{gateway}/api/rooms/{room}/messages"))
client.publish(topic, signed({"username": "eve", "clientMsgId": "e-1", "text": "see you at 12"}), qos=1)
time.sleep(2)
target = next(m["id"] for m in history() if m.get("author") == author)   # the id follows from key and clientMsgId
for body in ({"type": "edit", "target": target, "text": "see you at 1"},
             {"type": "reaction", "target": target, "emoji": "👍"},
             {"type": "delete", "target": target}):
    client.publish(topic, signed({"username": "eve", "clientMsgId": f"e-{body['type']}", **body}), qos=1)
    time.sleep(1)
print(json.dumps(history()[0]))                          # the message as it stands: deleted, its text gone
client.disconnect()
client.loop_stop()
