package dev.dbparity.spring.shop;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A book, in table {@code book} that the application's Flyway migrations create. */
@Entity
public class Book {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false)
	private String title;

	protected Book() {
	}

	public Book(String title) {
		this.title = title;
	}

	public Long id() {
		return id;
	}

	public String title() {
		return title;
	}
}
