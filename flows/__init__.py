"""newsfacts: news articles in, trustworthy analytic tables out."""

__version__ = "0.1.0"
