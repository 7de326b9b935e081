package dev.dbparity.samples.bookshop;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

@Entity
public class Book {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, unique = true)
	private String isbn;

	@Column(nullable = false)
	private String title;

	@Column(nullable = false)
	private BigDecimal price;

	protected Book() {
	}

	public Book(String isbn, String title, BigDecimal price) {
		this.isbn = isbn;
		this.title = title;
		this.price = price;
	}

	public Long getId() {
		return id;
	}

	public String getIsbn() {
		return isbn;
	}

	public String getTitle() {
		return title;
	}

	public BigDecimal getPrice() {
		return price;
	}
}
