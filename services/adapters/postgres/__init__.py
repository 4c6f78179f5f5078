"""The "store" capability on PostgreSQL (psycopg 3, psycopg_pool), chosen by FRONTLINE_DATABASE_URL=postgresql://…

Imported only when that setting is present: the default (SQLite) never imports psycopg.
"""
