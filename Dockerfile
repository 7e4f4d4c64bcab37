# Builds the gateway with the Maven wrapper (Java 17 bytecode), then runs it as a non-root user on a Java 25 JRE
# with an AOT cache recorded at build time, which roughly halves the start-up time (see docs/performance.md).
# The jar goes in as Spring Boot's layers (dependencies, loader, snapshot dependencies, application), so a change to
# the gateway's own code rebuilds only the small application layer and the AOT cache; the 45 MB of dependencies are
# reused from the previous image.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline
COPY src src
COPY frontend frontend
# maven.test.skip: the image needs neither the tests nor their compilation (CI runs them with ./mvnw verify).
RUN ./mvnw -B -q -Dmaven.test.skip=true package && cp target/mqtt-chat-gateway-*.jar /gateway.jar \
    && java -Djarmode=tools -jar /gateway.jar extract --layers --destination /layers --application-filename gateway.jar

FROM eclipse-temurin:25-jre
RUN useradd --system --uid 10001 gateway
WORKDIR /app
# The AOT cache needs plain jars on a class path, which is what `extract` without --launcher gives:
# /app/gateway.jar, whose manifest names /app/lib/*.jar. One COPY per layer, least often changed first.
COPY --from=build /layers/dependencies/ /app/
COPY --from=build /layers/spring-boot-loader/ /app/
COPY --from=build /layers/snapshot-dependencies/ /app/
COPY --from=build /layers/application/ /app/
# The training start uses the embedded broker and an in-memory database, and exits once the application context is
# ready. It runs with the same JVM options as the ENTRYPOINT, so the cache matches the real start.
RUN CHAT_MQTT_EMBEDDED_PORT=0 SERVER_PORT=0 SPRING_DATASOURCE_URL=jdbc:h2:mem:training \
       java -XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError \
       -XX:AOTCacheOutput=/app/gateway.aot -Dspring.context.exit=onRefresh -jar /app/gateway.jar \
    && mkdir /app/data && chown gateway /app/data
USER gateway
# The default H2 database lives here; with PostgreSQL (SPRING_DATASOURCE_URL) it stays empty.
VOLUME /app/data
EXPOSE 8080
# Readiness (MQTT links, database), asked on the management port when MANAGEMENT_SERVER_PORT is set, else on the
# HTTP port. Plain bash, so the image needs no curl: one HTTP/1.0 request, healthy on status 200 only.
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 CMD ["bash", "-c", \
    "exec 3<>/dev/tcp/127.0.0.1/${MANAGEMENT_SERVER_PORT:-${SERVER_PORT:-8080}} && printf 'GET /actuator/health/readiness HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && read -r _ status _ <&3 && [ \"$status\" = 200 ]"]
# Heap: 75% of the container's memory limit (the JVM reads the cgroup limit); exit on OutOfMemoryError so the
# engine restarts the container instead of it limping on. More options: JAVA_TOOL_OPTIONS or JDK_JAVA_OPTIONS.
# java is PID 1 (exec form), so SIGTERM from `docker stop` reaches Spring's graceful shutdown directly.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-XX:AOTCache=/app/gateway.aot", \
    "-jar", "/app/gateway.jar"]
