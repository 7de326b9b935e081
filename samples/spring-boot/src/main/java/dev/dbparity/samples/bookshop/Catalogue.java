package dev.dbparity.samples.bookshop;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the shop offers: books listed once per ISBN, bargains below a price. */
@Service
public class Catalogue {

	private final BookRepository books;

	public Catalogue(BookRepository books) {
		this.books = books;
	}

	@Transactional
	public Book list(String isbn, String title, BigDecimal price) {
		return books.findByIsbn(isbn).orElseGet(() -> books.save(new Book(isbn, title, price)));
	}

	@Transactional(readOnly = true)
	public List<Book> bargains(BigDecimal below) {
		return books.findByPriceLessThanOrderByPriceAsc(below);
	}
}
