package dev.mqttchat.gateway.room;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.stereotype.Component;

/**
 * {@code chat.rooms}: how many rooms are issued, counted in the database whenever metrics
 * are read.
 */
@Component
class RoomMetrics implements MeterBinder {

	private final RoomRepository repository;

	RoomMetrics(RoomRepository repository) {
		this.repository = repository;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("chat.rooms", this.repository, RoomRepository::count)
			.description("Rooms issued and not deleted, across all instances")
			.register(registry);
	}

}
