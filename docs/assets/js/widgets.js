// widget runtime: see issue 4
