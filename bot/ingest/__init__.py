"""Reading articles from what moderators bring: files of the knowledge folder, HTML pages,
URLs fetched safely, and the ``add`` command that writes one article file from any of them."""
