#!/usr/bin/env python3
"""Where the gateway's CPU goes, from a JFR recording's execution samples printed as JSON (jfr print --json).

Each sample counts once, for the first frame from the top that is not the JDK's own (java., javax., jdk., sun.):
time spent in a HashMap on behalf of H2 counts as H2. Samples entirely inside the JDK count by their top frame's
package. Prints a table by library and the hottest methods of the project and its libraries.

usage: jfr print --json --stack-depth 64 --events jdk.ExecutionSample rec.jfr | bench/profile.py
"""
import collections
import json
import sys

GROUPS = [
    ("dev.mqttchat.", "the gateway's own code"),
    ("org.h2.", "H2 (storing)"),
    ("org.postgresql.", "PostgreSQL driver"),
    ("com.zaxxer.hikari.", "connection pool"),
    ("org.springframework.jdbc.", "Spring JDBC"),
    ("org.springframework.data.", "Spring Data JDBC"),
    ("org.springframework.transaction.", "transactions"),
    ("org.eclipse.paho.", "Paho MQTT client"),
    ("org.springframework.integration.", "Spring Integration"),
    ("org.springframework.messaging.", "Spring messaging (STOMP broker relay, channels)"),
    ("org.springframework.web.socket.", "Spring WebSocket"),
    ("org.apache.tomcat.", "Tomcat (WebSocket I/O)"),
    ("org.apache.coyote.", "Tomcat (WebSocket I/O)"),
    ("org.apache.catalina.", "Tomcat (WebSocket I/O)"),
    ("tools.jackson.", "Jackson (JSON)"),
    ("com.fasterxml.jackson.", "Jackson (JSON)"),
    ("io.micrometer.", "Micrometer (metrics)"),
]
JDK = ("java.", "javax.", "jdk.", "sun.", "com.sun.")


def type_of(frame):
    # JFR's JSON names types the JVM's way, with slashes.
    return frame["method"]["type"]["name"].replace("/", ".")


def group_of(frames):
    for frame in frames:
        name = type_of(frame)
        if not name.startswith(JDK):
            for prefix, label in GROUPS:
                if name.startswith(prefix):
                    return label
            # Anything else by its first three name parts: org.springframework.boot, org.springframework.core, ...
            return ".".join(name.split(".")[:3])
    if not frames:
        return "(no Java frames)"
    top = type_of(frames[0])
    return "JDK: " + ".".join(top.split(".")[:2])


def main():
    events = json.load(sys.stdin)["recording"]["events"]
    groups = collections.Counter()
    methods = collections.Counter()
    total = 0
    for event in events:
        frames = (event["values"].get("stackTrace") or {}).get("frames") or []
        total += 1
        groups[group_of(frames)] += 1
        for frame in frames:
            name = type_of(frame)
            if not name.startswith(JDK):
                methods[name + "." + frame["method"]["name"]] += 1
                break
    if total == 0:
        print("no execution samples")
        return
    print(f"{total} execution samples (Java code on the CPU), by the first non-JDK frame from the top\n")
    print("| where | samples | share |\n|---|---|---|")
    for name, count in groups.most_common(20):
        print(f"| {name} | {count} | {100.0 * count / total:.1f} % |")
    print("\nHottest non-JDK methods (the first non-JDK frame of each sample)\n")
    print("| method | samples | share |\n|---|---|---|")
    for name, count in methods.most_common(25):
        print(f"| `{name}` | {count} | {100.0 * count / total:.1f} % |")


if __name__ == "__main__":
    main()
