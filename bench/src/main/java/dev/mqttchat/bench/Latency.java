package dev.mqttchat.bench;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;

import org.HdrHistogram.Histogram;

/**
 * Percentiles of one latency histogram in milliseconds, plus the histogram itself (HdrHistogram's compressed
 * encoding, Base64) so charts and later analyses start from the recorded data, not from summaries.
 *
 * @param count recorded values
 * @param p50 median
 * @param p90 90th percentile
 * @param p99 99th percentile
 * @param p999 99.9th percentile
 * @param max largest value
 * @param mean arithmetic mean
 * @param histogram the compressed histogram of microseconds, Base64
 */
record Latency(long count, double p50, double p90, double p99, double p999, double max, double mean,
		String histogram) {

	static Latency of(Histogram micros) {
		if (micros.getTotalCount() == 0) {
			return new Latency(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, null);
		}
		return new Latency(micros.getTotalCount(), ms(micros.getValueAtPercentile(50)),
				ms(micros.getValueAtPercentile(90)), ms(micros.getValueAtPercentile(99)),
				ms(micros.getValueAtPercentile(99.9)), ms(micros.getMaxValue()), micros.getMean() / 1000.0,
				encode(micros));
	}

	Histogram decode() {
		if (this.histogram == null) {
			return new Histogram(1, Group.MAX_MICROS, 3);
		}
		try {
			return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(this.histogram)),
					1);
		}
		catch (DataFormatException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(Histogram histogram) {
		ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity() + 64);
		int length = histogram.encodeIntoCompressedByteBuffer(buffer, Deflater.BEST_COMPRESSION);
		ByteArrayOutputStream out = new ByteArrayOutputStream(length);
		out.write(buffer.array(), 0, length);
		return Base64.getEncoder().encodeToString(out.toByteArray());
	}

	private static double ms(long micros) {
		return micros / 1000.0;
	}

}
