package dev.dbparity.samples.shelf;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

@Entity
public class Shelf {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, unique = true)
	private String label;

	protected Shelf() {
	}

	public Shelf(String label) {
		this.label = label;
	}

	public String getLabel() {
		return label;
	}
}
