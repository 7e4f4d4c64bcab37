# Builds the gateway with the Maven wrapper (Java 17 bytecode), then runs it as a non-root user on a Java 25 JRE
# with an AOT cache recorded at build time, which roughly halves the start-up time (see docs/performance.md).
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline
COPY src src
COPY frontend frontend
RUN ./mvnw -B -q -DskipTests package && cp target/mqtt-chat-gateway-*.jar /gateway.jar

FROM eclipse-temurin:25-jre
RUN useradd --system --uid 10001 gateway
WORKDIR /app
COPY --from=build /gateway.jar /tmp/gateway.jar
# The AOT cache needs the jar extracted (plain jars on a class path). The training start uses the embedded broker
# and an in-memory database, and exits once the application context is ready.
RUN java -Djarmode=tools -jar /tmp/gateway.jar extract --destination /app && rm /tmp/gateway.jar \
    && CHAT_MQTT_EMBEDDED_PORT=0 SERVER_PORT=0 SPRING_DATASOURCE_URL=jdbc:h2:mem:training \
       java -XX:AOTCacheOutput=/app/gateway.aot -Dspring.context.exit=onRefresh -jar /app/gateway.jar \
    && mkdir /app/data && chown gateway /app/data
USER gateway
# The default H2 database lives here; with PostgreSQL (SPRING_DATASOURCE_URL) it stays empty.
VOLUME /app/data
EXPOSE 8080
ENTRYPOINT ["java", "-XX:AOTCache=/app/gateway.aot", "-jar", "/app/gateway.jar"]
