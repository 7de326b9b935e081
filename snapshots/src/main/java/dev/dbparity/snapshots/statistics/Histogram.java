package dev.dbparity.snapshots.statistics;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code Histogram} is an equi-depth histogram read as numbers (times as seconds), with its cumulative distribution:
 * values are taken to be spread evenly inside each bucket, and a bucket whose bounds are equal holds one value.
 *
 * @param bounds the {@code n + 1} bucket bounds, ascending
 * @param fractions the {@code n} fractions of the non-null values in each bucket, summing to 1
 * @param labels the bounds as stored, for reports
 */
record Histogram(List<Double> bounds, List<Double> fractions, List<String> labels) {

	Histogram {
		bounds = List.copyOf(bounds);
		fractions = List.copyOf(fractions);
		labels = List.copyOf(labels);
	}

	/** The histogram stored in {@code node}, when it has one whose bounds all read as numbers. */
	static Optional<Histogram> of(JsonNode node) {
		JsonNode bounds = node.path("bounds");
		JsonNode fractions = node.path("fractions");
		if (!bounds.isArray() || !fractions.isArray() || bounds.size() < 2 || fractions.size() != bounds.size() - 1) {
			return Optional.empty();
		}
		List<Double> values = new ArrayList<>();
		List<String> labels = new ArrayList<>();
		for (JsonNode bound : bounds) {
			OptionalDouble value = Numbers.numeric(bound);
			if (value.isEmpty()) {
				return Optional.empty();
			}
			values.add(value.getAsDouble());
			labels.add(bound.asText());
		}
		double total = 0;
		for (JsonNode fraction : fractions) {
			total += fraction.asDouble();
		}
		List<Double> normalised = new ArrayList<>();
		for (JsonNode fraction : fractions) {
			normalised.add(total > 0 ? fraction.asDouble() / total : 0);
		}
		return Optional.of(new Histogram(values, normalised, labels));
	}

	/** The fraction of values at or below {@code x}. */
	double cdf(double x) {
		double sum = 0;
		for (int i = 0; i < fractions.size(); i++) {
			double low = bounds.get(i);
			double high = bounds.get(i + 1);
			if (x >= high) {
				sum += fractions.get(i);
			}
			else if (x > low && high > low) {
				sum += fractions.get(i) * (x - low) / (high - low);
			}
		}
		return Math.min(1, sum);
	}

	/** The Kolmogorov–Smirnov distance: the largest difference of the two distributions at the bounds of both. */
	double ksDistance(Histogram other) {
		TreeSet<Double> points = new TreeSet<>(bounds);
		points.addAll(other.bounds);
		double distance = 0;
		for (double point : points) {
			distance = Math.max(distance, Math.abs(cdf(point) - other.cdf(point)));
		}
		return distance;
	}

	/** {@code 10 buckets, 1 … 150}, as reports print a histogram. */
	String describe() {
		return fractions.size() + " bucket" + (fractions.size() == 1 ? "" : "s") + ", " + labels.get(0) + " … "
				+ labels.get(labels.size() - 1);
	}
}
