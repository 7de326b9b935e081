DROP TABLE digital_download;
