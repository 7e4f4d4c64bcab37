"""The 2023 MQTT chat paper's client: every line typed is published to the room as "{username} ({client_id}): {line}",
everything said in the room is printed; Ctrl-D ends it. With a room's MQTT credential (POST
/api/rooms/{id}/mqtt-credentials: its username, password and a client id beginning with its clientIdPrefix) it
works on a broker that enforces them (docs/protocol.md#mqtt-credentials).

usage: python3 paper_client.py chat/rooms/ID name [broker-host] [broker-port] [mqtt-username mqtt-password client-id]
needs paho-mqtt 1.x or 2.x (apt-get install python3-paho-mqtt)
"""
import sys, threading
import paho.mqtt.client as mqtt

if len(sys.argv) < 3:
    sys.exit(__doc__)
topic, name, host, port, user, password, client_id = (sys.argv[1:] + [None] * 7)[:7]
host, port, client_id = host or "127.0.0.1", int(port or 1883), client_id or f"{name}-py"
subscribed = threading.Event()

version = [mqtt.CallbackAPIVersion.VERSION2] if hasattr(mqtt, "CallbackAPIVersion") else []   # paho 2.x / 1.x
client = mqtt.Client(*version, client_id=client_id)
if user:
    client.username_pw_set(user, password)
client.on_connect = lambda c, *_: c.subscribe(topic, qos=1)
client.on_subscribe = lambda *_: (print("ready", flush=True), subscribed.set())
client.on_message = lambda c, u, msg: print(msg.payload.decode("utf-8"), flush=True)
client.connect(host, port)
client.loop_start()
if not subscribed.wait(10):
    sys.exit("not subscribed after 10 s: refused?")
for line in sys.stdin:
    client.publish(topic, f"{name} ({client_id}): {line.rstrip()}", qos=1).wait_for_publish()
client.disconnect()
client.loop_stop()
