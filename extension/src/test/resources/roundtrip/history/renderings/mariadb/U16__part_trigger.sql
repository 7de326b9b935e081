DROP TRIGGER part_touch;
