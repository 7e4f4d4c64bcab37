"""eve, a plain MQTT client, in a room's presence, typing and read markers (docs/protocol.md#an-example-session).

usage: python3 presence_client.py chat/rooms/ID [broker-host] [broker-port] [gateway-url]   (paho-mqtt 1.x or 2.x)
"""
import json, sys, threading, time, urllib.request
import paho.mqtt.client as mqtt

if len(sys.argv) < 2:
    sys.exit(__doc__)
topic, host, port, gateway = sys.argv[1:] + [None, "127.0.0.1", "1883", "http://127.0.0.1:8080"][len(sys.argv) - 1:]
me = f"{topic}/presence/eve-py"                                       # one retained entry per client id
version = [mqtt.CallbackAPIVersion.VERSION2] if hasattr(mqtt, "CallbackAPIVersion") else []   # paho 2.x / 1.x
client = mqtt.Client(*version, client_id="eve-py")
client.will_set(me, json.dumps({"status": "offline"}), qos=1, retain=True)   # the broker's word if eve vanishes
watch = [(f"{topic}/presence/#", 1), (f"{topic}/typing", 0), (f"{topic}/read/+", 1)]
ready = threading.Event()                                             # set once the broker accepted us
client.on_connect = lambda c, *_: (c.subscribe(watch), ready.set())
client.on_message = lambda c, u, m: print(m.topic[len(topic) + 1:], m.payload.decode() or "(empty)", flush=True)
client.connect(host, int(port), keepalive=30)
client.loop_start()
ready.wait(10)
client.publish(me, json.dumps({"username": "eve", "status": "online"}), qos=1, retain=True)
time.sleep(2)
client.publish(f"{topic}/typing", json.dumps({"username": "eve"}), qos=0)           # never retained
client.publish(topic, json.dumps({"username": "eve", "text": "hi @ada, from python"}), qos=1)
time.sleep(2)
newest = json.load(urllib.request.urlopen(f"{gateway}/api/rooms/{topic.rsplit('/', 1)[1]}/messages?limit=1"))
client.publish(f"{topic}/read/eve-py", json.dumps({"username": "eve", "seq": newest[-1]["seq"]}), qos=1, retain=True)
time.sleep(2)
client.publish(me, b"", qos=1, retain=True).wait_for_publish()       # leaving cleanly: clear the entry
client.disconnect()
client.loop_stop()
