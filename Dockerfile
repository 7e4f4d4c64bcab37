# Builds the gateway with the Maven wrapper and runs it as a non-root user on a JRE.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline
COPY src src
COPY frontend frontend
RUN ./mvnw -B -q -DskipTests package && cp target/mqtt-chat-gateway-*.jar /gateway.jar

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 gateway
USER gateway
WORKDIR /app
COPY --from=build /gateway.jar /app/gateway.jar
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/gateway.jar"]
